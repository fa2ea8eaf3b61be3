// The polls panel: hosts and co-hosts put a question with 2 to 10 answers (one or several may be
// chosen; named or anonymous) to the meeting and close it; everyone votes, changes their vote while
// it is open, and watches the results grow as bars. Text is set as text.

import { button, el, renderList } from './dom.js';
import { t } from './messages.js';

/** @param deps { api(method, path, body), me() => {id, role} } */
export function pollsPanel(root, deps) {
  const polls = new Map(); // id -> poll view (options with votes; mine: my option ids)
  const picked = new Map(); // id -> option ids chosen on the page and not yet sent: kept across updates

  root.replaceChildren();
  const title = el('h2', { id: 'polls-title' }, t('polls.title'));
  const list = el('div', { id: 'polls' });
  const form = el('form', { id: 'poll-form', novalidate: '', hidden: true });
  const question = el('input', { id: 'poll-question', maxlength: '500' });
  const options = el('textarea', { id: 'poll-options', rows: '4', 'aria-describedby': 'poll-options-help' });
  const multiple = el('input', { id: 'poll-multiple', type: 'checkbox' });
  const anonymous = el('input', { id: 'poll-anonymous', type: 'checkbox' });
  const problem = el('p', { id: 'poll-problem', className: 'problem', role: 'alert' });
  form.append(el('h3', {}, t('polls.new')),
    el('label', { for: 'poll-question' }, t('polls.question')), question,
    el('label', { for: 'poll-options' }, t('polls.options')), options,
    el('p', { id: 'poll-options-help', className: 'help' }, t('polls.options-help')),
    el('label', { className: 'check' }, multiple, ' ', t('polls.multiple')),
    el('label', { className: 'check' }, anonymous, ' ', t('polls.anonymous')),
    el('button', { type: 'submit', id: 'poll-launch' }, t('polls.launch')), problem);
  root.append(title, list, form);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.textContent = '';
    const answers = options.value.split('\n').map((o) => o.trim()).filter(Boolean);
    try {
      const poll = await deps.api('POST', '/polls', { question: question.value.trim(), options: answers,
        multiple: multiple.checked, anonymous: anonymous.checked });
      show(poll);
      question.value = '';
      options.value = '';
    } catch (err) {
      problem.textContent = fieldsOf(err) || t('refused', { reason: err.message });
    }
  });

  function runsIt() {
    return ['HOST', 'CO_HOST'].includes(deps.me().role);
  }

  function show(view) {
    const id = view.id || view.pollId;
    const known = polls.get(id) || {};
    polls.set(id, { ...known, ...view, id, mine: view.mine || known.mine || [] });
    render();
  }

  function render() {
    form.hidden = !runsIt();
    renderList(list, [...polls.values()].reverse(), (p) => p.id, card,
      (p) => JSON.stringify([p, picked.get(p.id), deps.me().role]));
  }

  function card(p) {
    const box = el('section', { className: 'poll', 'data-poll': p.id, 'aria-label': p.question });
    box.append(el('h3', {}, p.question), el('p', { className: 'help' },
      t(p.closed ? 'polls.closed' : p.multiple ? 'polls.choose-several' : 'polls.choose-one')
        + (p.anonymous ? ' · ' + t('polls.is-anonymous') : '') + ' · ' + t('polls.voters', { n: p.voters })));
    const error = el('p', { className: 'problem', role: 'alert' });
    const total = Math.max(1, p.options.reduce((sum, o) => sum + o.votes, 0));
    const choice = el('fieldset', { className: 'poll-options' }, el('legend', { className: 'visually-hidden' }, p.question));
    for (const o of p.options) {
      const input = el('input', { type: p.multiple ? 'checkbox' : 'radio', name: 'poll-' + p.id, value: o.id,
        id: `poll-${p.id}-${o.id}` });
      input.checked = (picked.get(p.id) || p.mine).includes(o.id);
      input.disabled = p.closed;
      input.addEventListener('change', () => picked.set(p.id,
        [...choice.querySelectorAll('input:checked')].map((i) => i.value)));
      const bar = el('meter', { min: '0', max: String(total), value: String(o.votes), 'aria-label': t('polls.votes-for', { option: o.text }) });
      choice.append(el('div', { className: 'poll-option' },
        el('label', { for: input.id }, input, ' ', o.text), bar, el('span', { className: 'count' }, String(o.votes))));
    }
    box.append(choice);
    if (!p.closed) {
      box.append(button(t('polls.vote'), async (e) => {
        const chosen = [...choice.querySelectorAll('input:checked')].map((i) => i.value);
        error.textContent = '';
        e.currentTarget.disabled = true;
        try {
          const counted = await deps.api('POST', `/polls/${p.id}/vote`, { optionIds: chosen });
          picked.delete(p.id);
          show(counted);
        } catch (err) {
          error.textContent = t('refused', { reason: err.message });
        } finally {
          e.target.disabled = false;
        }
      }, { className: 'vote' }));
      if (runsIt()) {
        box.append(button(t('polls.close'), async () => {
          try {
            show(await deps.api('POST', `/polls/${p.id}/close`));
          } catch (err) {
            error.textContent = t('refused', { reason: err.message });
          }
        }, { className: 'secondary close-poll' }));
      }
    }
    box.append(error);
    return box;
  }

  return {
    async opened() {
      try {
        (await deps.api('GET', '/polls')).forEach(show);
      } catch (err) {
        problem.textContent = err.message;
      }
    },
    /** poll.opened, poll.results, poll.closed: the counts as they stand (my own choice stays mine). */
    changed(data) {
      const known = polls.get(data.pollId);
      show({ ...data, mine: known ? known.mine : [] });
    },
    render,
  };
}

function fieldsOf(err) {
  const fields = (err.problem && err.problem.errors) || [];
  return fields.map((f) => `${f.field}: ${f.message}`).join('; ');
}
