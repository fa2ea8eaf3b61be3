// The person's meetings: upcoming (join from ten minutes before) and past, and one meeting's details
// with the answer to its invitation (invitees) or everyone's answers and "cancel" (the host).

import { ask } from '/join-assets/dialog.js';
import { button, el } from '/join-assets/dom.js';
import { session } from '/join-assets/sign-in.js';
import { api, go, status } from './home.js';
import { span } from './when.js';
import { t } from './words.js';

/** The join button opens this long before the start (and while the meeting is live). */
const JOIN_EARLY_MS = 10 * 60 * 1000;
const ANSWERS = ['ACCEPTED', 'TENTATIVE', 'DECLINED'];

export function meetingsScreen(root) {
  const upcoming = el('ul', { className: 'meetings', id: 'upcoming', 'aria-labelledby': 'upcoming-title' });
  const past = el('ul', { className: 'meetings', id: 'past', 'aria-labelledby': 'past-title' });
  root.append(el('h1', {}, t('meetings.title')),
    el('h2', { id: 'upcoming-title' }, t('meetings.upcoming')), upcoming,
    el('h2', { id: 'past-title' }, t('meetings.past')), past);
  list(upcoming, '/api/meetings/upcoming?size=50', t('meetings.none-upcoming'), true);
  list(past, '/api/meetings/past?size=20', t('meetings.none-past'), false);
  // the join buttons open by themselves when their time comes
  const timer = setInterval(() => {
    if (!upcoming.isConnected) return clearInterval(timer);
    upcoming.querySelectorAll('button.join').forEach((b) => { b.disabled = !joinable(JSON.parse(b.dataset.meeting)); });
  }, 15000);
}

/** One page of a list; "Show more" appends the next while there are more. */
async function list(container, path, empty, ahead, page = 0) {
  try {
    const answer = await api('GET', `${path}&page=${page}`);
    if (page === 0) container.replaceChildren();
    container.querySelectorAll('li.more').forEach((x) => x.remove());
    container.append(...answer.items.map((m) => row(m, ahead)));
    if (!answer.items.length && page === 0) container.append(el('li', {}, empty));
    if ((page + 1) * answer.size < answer.total) {
      container.append(el('li', { className: 'more' }, button(t('meetings.more'),
        () => list(container, path, empty, ahead, page + 1), { className: 'secondary' })));
    }
  } catch (e) {
    container.replaceChildren(el('li', { className: 'problem' }, t('problem', { reason: e.message })));
  }
}

function row(m, ahead) {
  const link = el('a', { href: `/home/meetings/${m.id}` }, m.title);
  link.addEventListener('click', (e) => { e.preventDefault(); go(`/home/meetings/${m.id}`); });
  const facts = [m.youHost ? t('meetings.you-host') : t('meetings.host', { name: m.hostName })];
  if (m.yourAnswer) facts.push(t('answer.' + m.yourAnswer));
  if (m.status === 'LIVE') facts.push(t('meetings.live'));
  const what = el('div', { className: 'what' }, link, el('div', { className: 'when' }, span(m.start, m.end, m.timeZone)),
    el('div', { className: 'facts' }, facts.join(' · ')));
  const item = el('li', { className: 'meeting', 'data-meeting-id': m.id }, what);
  if (ahead) {
    const join = button(t('meetings.join'), () => joinMeeting(m.id, join), { className: 'join', 'aria-label': t('meetings.join-named', { title: m.title }) });
    join.dataset.meeting = JSON.stringify({ start: m.start, status: m.status });
    join.disabled = !joinable(m);
    if (join.disabled) join.title = t('meetings.join-opens');
    item.append(join);
  }
  return item;
}

function joinable(m) {
  return m.status === 'LIVE' || Date.now() >= new Date(m.start).getTime() - JOIN_EARLY_MS;
}

/** Into the meeting through its link, as from the invitation: the join page signs in silently. */
async function joinMeeting(id, from) {
  from.disabled = true;
  try {
    const details = await api('GET', `/api/meetings/${id}/details`);
    location.assign(details.joinUrl);
  } catch (e) {
    from.disabled = false;
    status(t('problem', { reason: e.message }));
  }
}

export async function meetingScreen(root, { id }) {
  root.append(el('h1', {}, t('meeting.loading')));
  let m;
  try {
    m = await api('GET', `/api/meetings/${encodeURIComponent(id)}/details`);
  } catch (e) {
    root.replaceChildren(el('h1', {}, t('meeting.not-found')), el('p', { className: 'problem' }, e.message));
    return;
  }
  draw(root, m);
}

function draw(root, m) {
  const me = session.claims.email;
  const youHost = m.host.email === me;
  const mine = m.participants.find((p) => !p.guest && p.email === me && p.role !== 'HOST');
  const card = el('div', { className: 'card' },
    el('p', { className: 'when', id: 'meeting-when' }, span(m.start, m.end, m.timeZone)),
    el('p', {}, t('meetings.host', { name: m.host.name }), ' · ', t('status.' + m.status)),
    el('p', { className: 'agenda', id: 'meeting-agenda' }, m.agenda || t('meeting.no-agenda')));
  const actions = el('div', { className: 'row' });
  if (m.status === 'SCHEDULED' || m.status === 'LIVE') {
    const join = button(t('meetings.join'), () => location.assign(m.joinUrl), { id: 'join' });
    join.disabled = !joinable(m);
    actions.append(join, button(t('meeting.copy-link'), async () => {
      await navigator.clipboard.writeText(m.joinUrl).catch(() => {});
      status(t('meeting.link-copied'));
    }, { className: 'secondary' }));
  }
  if (youHost && m.status === 'SCHEDULED') {
    actions.append(button(t('meeting.edit'), () => go(`/home/edit/${m.id}`), { className: 'secondary', id: 'edit-meeting' }));
    actions.append(cancelling(m, false));
    if (m.series) actions.append(cancelling(m, true));
  }
  if (m.series) {
    card.append(el('p', { id: 'meeting-series' }, t('meeting.repeats', { rule: m.series.description }),
      m.series.changedOnItsOwn ? ` · ${t('meeting.changed-on-its-own')}` : ''));
  }
  root.replaceChildren(el('h1', {}, m.title), card, actions);
  if (mine && (m.status === 'SCHEDULED' || m.status === 'LIVE')) root.append(answering(root, m, mine));
  root.append(answers(m));
}

/** "Cancel the meeting" (or, for one of a series, this one or the whole series), confirmed first. */
function cancelling(m, wholeSeries) {
  const what = m.series ? (wholeSeries ? 'series' : 'occurrence') : 'meeting';
  return button(t('cancel.' + what), async () => {
    if (!await ask(t('cancel.ask.' + what, { title: m.title }), t('cancel.' + what), t('dialog.keep'))) return;
    try {
      await api('DELETE', `/api/meetings/${m.id}?scope=${wholeSeries ? 'series' : 'occurrence'}`);
      go('/home');
      status(t('cancel.done.' + what, { title: m.title }));
    } catch (e) {
      status(t('problem', { reason: e.message }));
    }
  }, { className: 'danger', id: wholeSeries ? 'cancel-series' : 'cancel-meeting' });
}

/** The invitee's answer: three buttons, the one given pressed. */
function answering(root, m, mine) {
  const group = el('div', { className: 'row', role: 'group', 'aria-labelledby': 'your-answer' });
  for (const a of ANSWERS) {
    group.append(button(t('answer.do.' + a), async () => {
      try {
        const after = await api('PUT', `/api/meetings/${m.id}/answer`, { answer: a });
        draw(root, after);
        status(t('answer.given', { answer: t('answer.' + a) }));
      } catch (e) {
        status(t('problem', { reason: e.message }));
      }
    }, { 'aria-pressed': String(mine.answer === a), id: 'answer-' + a.toLowerCase() }));
  }
  return el('section', {}, el('h2', { id: 'your-answer' }, t('answer.yours')), group);
}

/** Everyone invited with what they answered (the host reads here who comes). */
function answers(m) {
  const invited = m.participants.filter((p) => p.invitedAt && p.role !== 'HOST');
  const items = invited.map((p) => el('li', { 'data-email': p.email || '' }, `${p.name || p.email} — `,
    el('span', { className: 'answer-' + (p.answer || 'NONE') }, t('answer.' + (p.answer || 'NONE')))));
  return el('section', {}, el('h2', { id: 'invitees-title' }, t('meeting.invitees', { count: invited.length })),
    invited.length ? el('ul', { className: 'answers', id: 'answers', 'aria-labelledby': 'invitees-title' }, ...items)
      : el('p', {}, t('meeting.nobody-invited')));
}
