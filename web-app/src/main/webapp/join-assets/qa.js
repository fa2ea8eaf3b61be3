// The Q&A panel: everyone asks and upvotes; hosts and co-hosts answer in writing or dismiss; open
// questions first, most voted first. Text is set as text.

import { button, el, renderList } from './dom.js';
import { t } from './messages.js';

/** @param deps { api(method, path, body), me() => {id, role} } */
export function qaPanel(root, deps) {
  const questions = new Map(); // id -> question (upvotedByYou kept from my own answers)
  const drafts = new Map(); // question id -> a host's answer being typed: kept across updates

  root.replaceChildren();
  const title = el('h2', { id: 'qa-title' }, t('qa.title'));
  const form = el('form', { id: 'qa-form', novalidate: '' });
  const text = el('input', { id: 'qa-text', maxlength: '1000' });
  const problem = el('p', { id: 'qa-problem', className: 'problem', role: 'alert' });
  form.append(el('label', { for: 'qa-text' }, t('qa.ask')), text, el('button', { type: 'submit' }, t('qa.send')), problem);
  const list = el('ol', { id: 'questions', 'aria-labelledby': 'qa-title' });
  root.append(title, form, list);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.textContent = '';
    try {
      show(await deps.api('POST', '/questions', { text: text.value.trim() }));
      text.value = '';
    } catch (err) {
      problem.textContent = t('refused', { reason: err.message });
    }
  });

  function runsIt() {
    return ['HOST', 'CO_HOST'].includes(deps.me().role);
  }

  function show(q) {
    const id = q.id || q.questionId;
    const known = questions.get(id) || {};
    questions.set(id, { ...known, ...q, id, upvotedByYou: q.upvotedByYou ?? known.upvotedByYou ?? false });
    render();
  }

  function render() {
    const rank = (q) => (q.status === 'OPEN' ? 0 : 1);
    const ordered = [...questions.values()].filter((q) => q.status !== 'DISMISSED')
      .sort((a, b) => rank(a) - rank(b) || b.votes - a.votes || String(a.askedAt).localeCompare(String(b.askedAt)));
    renderList(list, ordered, (q) => q.id, item, (q) => JSON.stringify([q, deps.me().role]));
  }

  function item(q) {
    const li = el('li', { className: 'question', 'data-question': q.id });
    const error = el('span', { className: 'problem', role: 'alert' });
    li.append(el('span', { className: 'text' }, q.text), el('span', { className: 'help' }, ' — ' + (q.askedBy || '')));
    const vote = button(`▲ ${q.votes}`, () => act(() => deps.api(q.upvotedByYou ? 'DELETE' : 'POST', `/questions/${q.id}/upvote`), error),
      { 'aria-pressed': String(!!q.upvotedByYou), 'aria-label': t('qa.upvote', { n: q.votes }), className: 'secondary upvote' });
    li.append(' ', vote);
    if (q.answer) li.append(el('p', { className: 'answer' }, t('qa.answered', { answer: q.answer })));
    if (runsIt() && q.status === 'OPEN') {
      const answer = el('input', { maxlength: '4000', 'aria-label': t('qa.answer-to', { question: q.text }), className: 'answer-text' });
      answer.value = drafts.get(q.id) || '';
      answer.addEventListener('input', () => drafts.set(q.id, answer.value));
      li.append(el('div', { className: 'person-actions' }, answer,
        button(t('qa.answer'), () => act(() => deps.api('POST', `/questions/${q.id}/answer`, { text: answer.value.trim() })
          .then((v) => { drafts.delete(q.id); return v; }), error),
          { className: 'answer-send' }),
        button(t('qa.dismiss'), () => act(() => deps.api('POST', `/questions/${q.id}/dismiss`), error),
          { className: 'secondary dismiss' })));
    }
    li.append(error);
    return li;
  }

  async function act(request, error) {
    error.textContent = '';
    try {
      show(await request());
    } catch (err) {
      error.textContent = t('refused', { reason: err.message });
    }
  }

  return {
    async opened() {
      try {
        (await deps.api('GET', '/questions')).forEach(show);
      } catch (err) {
        problem.textContent = err.message;
      }
    },
    /** question.* events: the question as it stands (whether I upvoted it stays mine). */
    changed(type, data) {
      if (type === 'question.dismissed') {
        const q = questions.get(data.questionId);
        if (q) show({ ...q, status: 'DISMISSED' });
        return;
      }
      show(data);
    },
    render,
  };
}
