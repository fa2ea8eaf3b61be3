// The notifications inbox: one's notifications, newest first, live as they are stored (the
// notification socket, opened with a short ticket), mark one or all read; and which topics reach
// one on which channel. The unread count shows beside "Inbox" on every screen.

import { button, el, renderList } from '/join-assets/dom.js';
import { api, go, status } from './home.js';
import { t } from './words.js';

const CHANNELS = ['IN_APP', 'EMAIL', 'SLACK'];
const TOPICS = ['REMINDERS', 'CHANGES', 'CHAT_MENTIONS'];
const listeners = new Set(); // screens that want each new notification
let socket = null;
let unread = 0;

/** Keeps one socket open for the page's life (a fresh ticket each time it reconnects) and the unread count shown. */
export function listenForNotifications() {
  connect(1000);
}

async function connect(backoff) {
  try {
    const { ticket } = await api('POST', '/api/notifications/ticket');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/ws/notifications?ticket=${encodeURIComponent(ticket)}`);
  } catch (e) {
    setTimeout(() => connect(Math.min(backoff * 2, 30000)), backoff);
    return;
  }
  socket.onmessage = (m) => {
    const message = JSON.parse(m.data);
    if (message.type === 'hello') showUnread(message.unread);
    if (message.type === 'notification') {
      showUnread(unread + 1);
      listeners.forEach((l) => l(message));
    }
  };
  socket.onopen = () => { backoff = 1000; };
  socket.onclose = (e) => {
    if (e.code === 4401) return; // deactivated: nothing more to hear
    setTimeout(() => connect(Math.min(backoff * 2, 30000)), backoff);
  };
}

function showUnread(count) {
  unread = Math.max(0, count);
  const badge = document.getElementById('unread');
  badge.textContent = unread ? String(unread) : '';
  badge.hidden = !unread;
  badge.setAttribute('aria-label', t('inbox.unread', { count: unread }));
}

export function inboxScreen(root) {
  const list = el('ul', { className: 'meetings', id: 'notifications', 'aria-labelledby': 'inbox-title' });
  const items = [];
  const draw = () => {
    renderList(list, items, (n) => n.id, item, (n) => `${n.id}:${n.read}`);
    if (!items.length) list.replaceChildren(el('li', {}, t('inbox.empty')));
  };
  const item = (n) => {
    const parts = [el('div', { className: 'what' }, el('div', {}, n.message),
      el('div', { className: 'when' }, new Date(n.sentAt).toLocaleString()))];
    if (n.meetingId) {
      const open = el('a', { href: `/home/meetings/${n.meetingId}` }, t('inbox.open'));
      open.addEventListener('click', (e) => { e.preventDefault(); go(`/home/meetings/${n.meetingId}`); });
      parts.push(open);
    }
    if (!n.read) {
      parts.push(button(t('inbox.mark-read'), async () => {
        try {
          Object.assign(n, await api('POST', `/api/notifications/${n.id}/read`));
          showUnread(unread - 1);
          draw();
        } catch (e) {
          status(t('problem', { reason: e.message }));
        }
      }, { className: 'secondary', 'aria-label': t('inbox.mark-read-named', { message: n.message }) }));
    }
    return el('li', { className: 'meeting' + (n.read ? ' read' : ' unread'), 'data-notification-id': n.id }, ...parts);
  };
  const allRead = button(t('inbox.all-read'), async () => {
    try {
      await api('POST', '/api/notifications/read-all');
      items.forEach((n) => { n.read = true; });
      showUnread(0);
      draw();
    } catch (e) {
      status(t('problem', { reason: e.message }));
    }
  }, { id: 'all-read', className: 'secondary' });
  root.append(el('h1', { id: 'inbox-title' }, t('inbox.title')), el('div', { className: 'row' }, allRead), list,
    preferences());
  api('GET', '/api/notifications/list?size=50').then((page) => {
    items.push(...page.items.filter((n) => !items.some((x) => x.id === n.id)));
    items.sort((a, b) => b.position - a.position);
    draw();
  }).catch((e) => list.replaceChildren(el('li', { className: 'problem' }, t('problem', { reason: e.message }))));
  const live = (n) => {
    if (!list.isConnected) return listeners.delete(live);
    if (!items.some((x) => x.id === n.id)) items.unshift({ ...n, read: false });
    draw();
  };
  listeners.add(live);
}

/** Which topics reach one on which channel: a checkbox each, saved as it is ticked. */
function preferences() {
  const table = el('table', { id: 'preferences' },
    el('caption', {}, t('prefs.title')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('prefs.topic')),
      ...CHANNELS.map((c) => el('th', { scope: 'col' }, t('channel.' + c))))),
    el('tbody', {}, ...TOPICS.map((topic) => el('tr', {}, el('th', { scope: 'row' }, t('topic.' + topic)),
      ...CHANNELS.map((channel) => {
        const box = el('input', { type: 'checkbox', id: `pref-${channel}-${topic}`, 'aria-label': t('prefs.box', {
          topic: t('topic.' + topic), channel: t('channel.' + channel) }) });
        box.addEventListener('change', async () => {
          try {
            const now = box.checked
              ? await api('POST', '/api/notifications/subscribe', { channel, topic })
              : await api('DELETE', `/api/notifications/unsubscribe?channel=${channel}&topic=${topic}`);
            tick(table, now);
            status(t(box.checked ? 'prefs.on' : 'prefs.off', { topic: t('topic.' + topic), channel: t('channel.' + channel) }));
          } catch (e) {
            box.checked = !box.checked;
            status(t('problem', { reason: e.message }));
          }
        });
        return el('td', {}, box);
      })))));
  api('GET', '/api/notifications/subscriptions').then((now) => tick(table, now)).catch(() => {});
  return table;
}

function tick(table, subscriptions) {
  for (const channel of CHANNELS) {
    for (const topic of TOPICS) {
      table.querySelector(`#pref-${channel}-${topic}`).checked = (subscriptions[channel] || []).includes(topic);
    }
  }
}
