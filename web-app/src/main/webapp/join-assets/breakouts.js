// The breakout rooms panel. Hosts and co-hosts create rooms, put people in them (automatically, or
// each person by picking a room), open them with an optional timer, broadcast to every room, move
// people while they are open, and close them at once or after a countdown everyone sees. Everyone
// else sees the room they are in, who is in it, the countdown and the hosts' broadcasts, and can ask
// the hosts for help. The page's media follows the room it is in (join.js, through moved()).

import { button, el, renderList } from './dom.js';
import { t } from './messages.js';

const RUNS_IT = new Set(['HOST', 'CO_HOST']);

/**
 * @param deps { api(method, path, body), me() => {id, role}, people() => everyone the page knows,
 *               moved(roomId | null) when the page's own room changes, banner(text) for the room line }
 */
export function breakoutsPanel(root, deps) {
  let rooms = []; // {id, name}
  const members = new Map(); // participationId -> roomId
  let open = false;
  let closesAt = null;
  let here = null; // the room this page is in (null: the main room)
  const helpCalls = []; // {participationId, name, room, roomName}

  root.replaceChildren();
  const title = el('h2', { id: 'breakouts-title' }, t('breakouts.title'));
  const where = el('p', { id: 'breakout-where', role: 'status' });
  const countdown = el('p', { id: 'breakout-countdown', role: 'timer', 'aria-live': 'off' });
  const broadcasts = el('div', { id: 'breakout-broadcasts', 'aria-label': t('breakouts.broadcasts'), role: 'log' });
  const mine = el('ul', { id: 'breakout-my-room', 'aria-label': t('breakouts.my-room') });
  const help = button(t('breakouts.ask-help'), () => act(help, 'POST', '/breakouts/help'), { id: 'breakout-help', hidden: true });
  const problem = el('p', { id: 'breakout-problem', className: 'problem', role: 'alert' });

  const count = el('input', { id: 'breakout-count', type: 'number', min: '1', max: '50', value: '2' });
  const create = button(t('breakouts.create'), () => act(create, 'POST', '/breakouts', { count: Number(count.value) }),
    { id: 'breakout-create' });
  const auto = button(t('breakouts.auto'), () => act(auto, 'POST', '/breakouts/assign', { mode: 'AUTO' }), { id: 'breakout-auto' });
  const minutes = el('input', { id: 'breakout-minutes', type: 'number', min: '1', max: '1440', 'aria-describedby': 'breakout-minutes-help' });
  const openRooms = button(t('breakouts.open'), () => act(openRooms, 'POST', '/breakouts/open',
    { seconds: minutes.value ? Number(minutes.value) * 60 : null }), { id: 'breakout-open' });
  const message = el('input', { id: 'breakout-message', maxlength: '1000' });
  const broadcast = button(t('breakouts.broadcast'), async () => {
    if (await act(broadcast, 'POST', '/breakouts/broadcast', { text: message.value.trim() })) message.value = '';
  }, { id: 'breakout-broadcast' });
  const seconds = el('input', { id: 'breakout-countdown-seconds', type: 'number', min: '5', max: '600', value: '30' });
  const closeLater = button(t('breakouts.close-countdown'), () => act(closeLater, 'POST',
    `/breakouts/close?countdown=${encodeURIComponent(seconds.value)}`), { id: 'breakout-close-countdown' });
  const closeNow = button(t('breakouts.close-now'), () => act(closeNow, 'POST', '/breakouts/close'), { id: 'breakout-close' });
  const helpList = el('ul', { id: 'breakout-help-calls', 'aria-label': t('breakouts.help-calls') });
  const assignment = el('div', { id: 'breakout-rooms' });
  const runner = el('div', { id: 'breakout-runner', hidden: true },
    el('div', { className: 'row' }, el('label', { for: 'breakout-count' }, t('breakouts.count')), count, create),
    helpList, assignment,
    el('div', { className: 'row' }, auto),
    el('div', { className: 'row' }, el('label', { for: 'breakout-minutes' }, t('breakouts.minutes')), minutes, openRooms),
    el('p', { id: 'breakout-minutes-help', className: 'help' }, t('breakouts.minutes-help')),
    el('div', { className: 'row' }, el('label', { for: 'breakout-message' }, t('breakouts.message')), message, broadcast),
    el('div', { className: 'row' }, el('label', { for: 'breakout-countdown-seconds' }, t('breakouts.seconds')), seconds,
      closeLater, closeNow));
  root.append(title, where, countdown, help, problem, mine, broadcasts, runner);

  function runsIt() {
    return RUNS_IT.has(deps.me().role);
  }

  /** Asks the server; a refusal is said in the panel. Answers whether it went through. */
  async function act(origin, method, path, body) {
    problem.textContent = '';
    origin.disabled = true;
    try {
      const view = await deps.api(method, path, body);
      if (view && view.rooms) load(view);
      return true;
    } catch (e) {
      problem.textContent = t('refused', { reason: e.message });
      return false;
    } finally {
      origin.disabled = false;
    }
  }

  function load(view) {
    rooms = view.rooms.map((r) => ({ id: r.id, name: r.name }));
    members.clear();
    view.rooms.forEach((r) => r.members.forEach((m) => members.set(m.participationId, r.id)));
    open = view.open;
    closesAt = view.closesAt ? Date.parse(view.closesAt) : null;
    settle();
  }

  function roomName(id) {
    const room = rooms.find((r) => r.id === id);
    return room ? room.name : t('breakouts.main');
  }

  /** Where this page is now; when that changed, the page's media follows. */
  function settle() {
    const now = open ? members.get(deps.me().id) || null : null;
    if (now !== here) {
      here = now;
      deps.moved(here);
    }
    render();
  }

  function render() {
    const runner_ = runsIt();
    runner.hidden = !runner_;
    where.textContent = here ? t('breakouts.you-are-in', { room: roomName(here) })
      : open ? t('breakouts.main-room-open') : t('breakouts.none-open');
    deps.banner(here ? t('breakouts.you-are-in', { room: roomName(here) }) : '');
    help.hidden = !here;
    const people = deps.people().filter((p) => p.state === 'JOINED');
    renderList(mine, here ? people.filter((p) => members.get(p.participationId) === here) : [], (p) => p.participationId,
      (p) => el('li', {}, p.name + (p.participationId === deps.me().id ? ' ' + t('people.you') : '')), (p) => p.name);
    tick();
    if (!runner_) return;
    openRooms.disabled = open || rooms.length === 0;
    auto.disabled = rooms.length === 0;
    create.disabled = open;
    for (const b of [broadcast, closeLater, closeNow]) b.disabled = !open;
    renderList(helpList, helpCalls, (c) => c.participationId + c.room, (c) => el('li', {},
      t('breakouts.help-from', { name: c.name, room: c.roomName }), ' ',
      button(t('breakouts.go-to', { room: c.roomName }), () => move(deps.me().id, c.room), { className: 'secondary' })));
    renderList(assignment, rooms.length ? people : [], (p) => p.participationId, assignRow,
      (p) => JSON.stringify([p.name, members.get(p.participationId) || '', rooms]));
  }

  /** One person and the room they are (or will be) in: picking another moves them. */
  function assignRow(p) {
    const id = `breakout-pick-${p.participationId}`;
    const pick = el('select', { id, 'data-participation': p.participationId });
    pick.append(el('option', { value: '' }, t('breakouts.main')));
    rooms.forEach((r) => pick.append(el('option', { value: r.id }, r.name)));
    pick.value = members.get(p.participationId) || '';
    pick.addEventListener('change', () => move(p.participationId, pick.value || null));
    return el('div', { className: 'row assign' }, el('label', { for: id }, t('breakouts.room-of', { name: p.name })), pick);
  }

  function move(participationId, roomId) {
    return act(assignment, 'POST', '/breakouts/move', { participationId, roomId });
  }

  function tick() {
    const left = closesAt && open ? Math.max(0, Math.round((closesAt - Date.now()) / 1000)) : null;
    countdown.textContent = left === null ? '' : t('breakouts.closes-in', { seconds: left });
  }
  setInterval(tick, 1000);

  return {
    /** Let in: the rooms as they stand. */
    async opened() {
      try {
        load(await deps.api('GET', '/breakouts'));
      } catch (e) {
        problem.textContent = e.message;
      }
    },
    /** breakout.* events. */
    changed(type, data) {
      if (type === 'breakout.created') {
        rooms = data.rooms;
        members.clear();
      } else if (type === 'breakout.assigned') {
        if (data.room) members.set(data.participationId, data.room);
        else members.delete(data.participationId);
      } else if (type === 'breakout.opened') {
        open = true;
        closesAt = data.closesAt ? Date.parse(data.closesAt) : null;
      } else if (type === 'breakout.closing') {
        closesAt = Date.parse(data.closesAt);
      } else if (type === 'breakout.closed') {
        open = false;
        closesAt = null;
        members.clear();
        helpCalls.splice(0);
      } else if (type === 'breakout.broadcast') {
        broadcasts.append(el('p', {}, t('breakouts.broadcast-from', { name: data.from, text: data.text })));
      } else if (type === 'breakout.help') {
        helpCalls.push(data);
      }
      settle();
    },
    /** The room a participant's media is in now (null: the main room). */
    placeOf(participationId) {
      return open ? members.get(participationId) || null : null;
    },
    render,
  };
}
