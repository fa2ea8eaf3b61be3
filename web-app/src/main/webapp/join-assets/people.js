// The people panel: everyone in the meeting with their state, the waiting room, and — for hosts and
// co-hosts — what they may do to each person and to the meeting. Every action goes through the
// control API; a refusal is shown next to the button that asked. Names are set as text only.

import { ask } from './dialog.js';
import { button, el, renderList } from './dom.js';
import { t } from './messages.js';

const RUNS_IT = new Set(['HOST', 'CO_HOST']);

/**
 * @param root    the panel's element
 * @param control (action, participationId) => Promise: asks the server, rejects with its reason
 * @param me      () => the page's own participation id and role: {id, role}
 * @param webinar () => whether the meeting is a webinar (its audience is brought on stage from here)
 */
export function peoplePanel(root, { control, me, webinar = () => false }) {
  const people = new Map(); // participationId -> participant as the channel last described them
  const removed = new Map(); // removed while this page watched: hosts may let them back
  const meeting = { locked: false, unmuteAllowed: true, privateChatAllowed: true };

  root.replaceChildren();
  const heading = el('h2', { id: 'people-title' }, t('people.title'));
  const search = el('input', { id: 'people-search', type: 'search', 'aria-label': t('people.search'), placeholder: t('people.search') });
  const problem = el('p', { id: 'people-problem', className: 'problem', role: 'alert' });
  const waitingTitle = el('h3', { id: 'waiting-title' });
  const admitAll = button(t('action.ADMIT_ALL'), () => act('ADMIT_ALL', null, admitAll), { id: 'admit-all' });
  const waitingList = el('ul', { id: 'waiting-list', 'aria-labelledby': 'waiting-title' });
  const waitingBox = el('section', { id: 'waiting-room', hidden: true }, waitingTitle, admitAll, waitingList);
  const hands = []; // who raised a hand, first raised first
  const handsTitle = el('h3', { id: 'hands-title' });
  const handsList = el('ol', { id: 'hands-list', 'aria-labelledby': 'hands-title' });
  const handsBox = el('section', { id: 'hands', hidden: true }, handsTitle, handsList);
  const inTitle = el('h3', { id: 'in-meeting-title' });
  const list = el('ul', { id: 'people', 'aria-labelledby': 'in-meeting-title' });
  const removedTitle = el('h3', { id: 'removed-title' }, t('people.removed'));
  const removedList = el('ul', { id: 'removed-list', 'aria-labelledby': 'removed-title' });
  const removedBox = el('section', { hidden: true }, removedTitle, removedList);
  const controls = el('div', { id: 'meeting-controls', role: 'group', 'aria-label': t('meeting.controls'), hidden: true });
  root.append(heading, search, problem, waitingBox, handsBox, inTitle, list, removedBox, controls);
  search.addEventListener('input', render);

  function runsIt() {
    return RUNS_IT.has(me().role);
  }

  async function act(action, person, origin, errorBox = problem) {
    const name = person ? person.name : '';
    if (['REMOVE', 'END', 'MAKE_HOST'].includes(action) && !(await ask(t('confirm.' + action, { name }), t('confirm.yes'), t('confirm.no')))) return;
    errorBox.textContent = '';
    origin.disabled = true;
    try {
      await control(action, person ? person.participationId : null);
      if (action === 'ALLOW_BACK') {
        removed.delete(person.participationId);
        render();
      }
    } catch (e) {
      errorBox.textContent = t('refused', { reason: e.message });
    } finally {
      origin.disabled = false;
    }
  }

  function row(p) {
    const li = el('li', { className: 'person', 'data-participation': p.participationId });
    const you = p.participationId === me().id;
    const facts = [];
    if (RUNS_IT.has(p.role)) facts.push(t('role.' + p.role));
    else if (webinar()) facts.push(t(p.panelist ? 'people.panelist' : 'people.audience'));
    if (p.state === 'JOINED') {
      facts.push(p.audio ? t('people.mic-on') : t('people.muted'));
      if (!p.video) facts.push(t('people.camera-off'));
      if (p.hand) facts.push(t('people.hand'));
    }
    li.append(el('span', { className: 'name' }, p.name + (you ? ' ' + t('people.you') : '')),
      el('span', { className: 'facts' }, facts.length ? ' · ' + facts.join(' · ') : ''));
    const error = el('span', { className: 'problem', role: 'alert' });
    if (runsIt() && !you) {
      const actions = el('div', { className: 'person-actions', role: 'group', 'aria-label': p.name });
      const add = (action) => actions.append(button(t('action.' + action),
        (e) => act(action, p, e.currentTarget, error), { 'aria-label': t('action.for', { action: t('action.' + action), name: p.name }) }));
      if (p.state === 'WAITING') {
        add('ADMIT');
        add('DENY');
      } else if (p.state === 'REMOVED') {
        add('ALLOW_BACK');
      } else {
        if (p.audio) add('MUTE');
        if (p.video) add('STOP_VIDEO');
        if (webinar() && p.role === 'PARTICIPANT') add(p.panelist ? 'MAKE_AUDIENCE' : 'MAKE_PANELIST');
        if (me().role === 'HOST' && !p.guest) {
          add(p.role === 'CO_HOST' ? 'MAKE_PARTICIPANT' : 'MAKE_CO_HOST');
          add('MAKE_HOST');
        }
        if (p.role !== 'HOST') add('REMOVE');
      }
      li.append(actions);
    }
    li.append(error);
    return li;
  }

  function handRow(p) {
    const error = el('span', { className: 'problem', role: 'alert' });
    const lower = button(t('action.LOWER_HAND'), (e) => act('LOWER_HAND', p, e.currentTarget, error),
      { 'aria-label': t('action.for', { action: t('action.LOWER_HAND'), name: p.name }) });
    return el('li', { className: 'person' }, el('span', { className: 'name' }, p.name), ' ', lower, error);
  }

  function raised(p) {
    const at = hands.indexOf(p.participationId);
    if (p.hand && p.state === 'JOINED' && at < 0) hands.push(p.participationId);
    if (!(p.hand && p.state === 'JOINED') && at >= 0) hands.splice(at, 1);
  }

  function render() {
    const words = search.value.trim().toLowerCase();
    const shown = (p) => !words || p.name.toLowerCase().includes(words);
    const all = [...people.values()];
    const waiting = all.filter((p) => p.state === 'WAITING');
    const inside = all.filter((p) => p.state !== 'WAITING');
    waitingBox.hidden = !runsIt() || waiting.length === 0;
    waitingTitle.textContent = t('people.waiting', { n: waiting.length });
    const look = (p) => JSON.stringify([p, me().role, me().id]);
    renderList(waitingList, waiting.filter(shown), (p) => p.participationId, row, look);
    inTitle.textContent = t('people.in', { n: inside.length });
    renderList(list, inside.filter(shown), (p) => p.participationId, row, look);
    handsBox.hidden = !runsIt() || hands.length === 0;
    handsTitle.textContent = t('people.hands', { n: hands.length });
    renderList(handsList, hands.map((id) => people.get(id)).filter(Boolean), (p) => p.participationId, handRow,
      (p) => p.name);
    removedBox.hidden = !runsIt() || removed.size === 0;
    renderList(removedList, [...removed.values()].filter(shown), (p) => p.participationId, row, look);
    renderControls();
  }

  function renderControls() {
    controls.hidden = !runsIt();
    if (controls.hidden) {
      delete controls.dataset.actions;
      return controls.replaceChildren();
    }
    const toggle = (on, ifOn, ifOff) => (on ? ifOn : ifOff);
    const actions = ['MUTE_ALL', toggle(meeting.unmuteAllowed, 'FORBID_UNMUTE', 'ALLOW_UNMUTE'),
      toggle(meeting.locked, 'UNLOCK', 'LOCK'), toggle(meeting.privateChatAllowed, 'FORBID_PRIVATE_CHAT', 'ALLOW_PRIVATE_CHAT')];
    if (me().role === 'HOST') actions.push('END');
    if (controls.dataset.actions === actions.join()) return; // unchanged: focus stays on the button
    controls.dataset.actions = actions.join();
    const error = el('p', { className: 'problem', role: 'alert' });
    controls.replaceChildren(...actions.map((action) => button(t('action.' + action), (e) => act(action, null, e.currentTarget, error),
      { 'data-action': action, className: action === 'END' ? 'danger' : '' })), error);
  }

  return {
    /** Everyone the channel's hello listed, and how the meeting stands. */
    reset(participants, standing) {
      people.clear();
      hands.length = 0;
      participants.forEach((p) => {
        people.set(p.participationId, p);
        raised(p);
      });
      Object.assign(meeting, standing);
      render();
    },
    /** A participant as an event describes them after the change. */
    update(p, type) {
      if (type === 'participant.removed') removed.set(p.participationId, p);
      if (type === 'participant.allowed-back') removed.delete(p.participationId);
      if (['LEFT', 'REMOVED', 'DENIED'].includes(p.state) || type === 'participant.allowed-back') people.delete(p.participationId);
      else people.set(p.participationId, p);
      raised(p);
      render();
    },
    /** The hands queue as the server orders it (first raised first), for a page that came in late. */
    hands(queue) {
      const known = queue.map((h) => h.participationId).filter((id) => hands.includes(id));
      hands.splice(0, hands.length, ...known, ...hands.filter((id) => !known.includes(id)));
      render();
    },
    /** The meeting's own switches: locked, unmuteAllowed, privateChatAllowed. */
    meeting(change) {
      Object.assign(meeting, change);
      renderControls();
    },
    get(id) {
      return people.get(id);
    },
    all() {
      return [...people.values()];
    },
    render,
  };
}
