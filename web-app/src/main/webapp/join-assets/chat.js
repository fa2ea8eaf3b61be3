// The chat panel: group and private messages, files, reactions on messages, unread count, history
// paged upward. Messages are kept by id, so a reconnect's replay never shows one twice. Text is set
// as text; only http(s) addresses become links, built as elements, never parsed as HTML.

import { button, el, renderList } from './dom.js';
import { t } from './messages.js';

const REACTIONS = ['👍', '❤️', '😂'];
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;

/**
 * @param root   the panel's element
 * @param deps   { api(method, path, body), send(message) => Promise<stored message or null: its event
 *                 shows it>, upload(file, onProgress) => Promise<attachment>,
 *                 download(attachment), me() => {id, role}, people() => [participants], maxBytes }
 */
export function chatPanel(root, deps) {
  const messages = new Map(); // id -> message as last seen
  const mine = new Map(); // message id -> Set of emojis I reacted with
  let before = null; // where the next page of history ends; null once all is loaded
  let loaded = false;
  let unread = 0;
  let privateAllowed = true;

  root.replaceChildren();
  const title = el('h2', { id: 'chat-title' }, t('chat.title'));
  const badge = el('span', { id: 'chat-unread', className: 'badge', hidden: true });
  title.append(' ', badge);
  const earlier = button(t('chat.earlier'), () => loadEarlier(), { id: 'chat-earlier', className: 'secondary', hidden: true });
  const list = el('ol', { id: 'chat', 'aria-labelledby': 'chat-title', 'aria-live': 'polite' });
  const form = el('form', { id: 'chat-form', novalidate: '' });
  const toLabel = el('label', { for: 'chat-to' }, t('chat.to'));
  const to = el('select', { id: 'chat-to' });
  const textLabel = el('label', { for: 'chat-text', className: 'visually-hidden' }, t('chat.message'));
  const text = el('input', { id: 'chat-text', maxlength: '4000', placeholder: t('chat.message'), autocomplete: 'off' });
  const send = el('button', { type: 'submit' }, t('chat.send'));
  const fileLabel = el('label', { for: 'chat-file' }, t('chat.attach', { size: size(deps.maxBytes) }));
  const file = el('input', { id: 'chat-file', type: 'file' });
  const progress = el('progress', { id: 'chat-progress', max: '100', value: '0', hidden: true, 'aria-label': t('chat.uploading') });
  const problem = el('p', { id: 'chat-problem', className: 'problem', role: 'alert' });
  form.append(toLabel, to, textLabel, text, send, fileLabel, file, progress, problem);
  root.append(title, earlier, list, form);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  list.addEventListener('scroll', () => {
    if (reading()) markRead();
  });
  document.addEventListener('visibilitychange', () => {
    if (reading()) markRead();
  });

  function atBottom() {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 30;
  }

  /** Someone sees the newest messages now: the panel is open, the page in front, the list at its end. */
  function reading() {
    return !document.hidden && deps.visible() && atBottom();
  }

  function markRead() {
    unread = 0;
    badge.hidden = true;
    deps.unread(0);
  }

  function recipients() {
    const options = [el('option', { value: '' }, t('chat.everyone'))];
    const mayPrivate = privateAllowed || ['HOST', 'CO_HOST'].includes(deps.me().role);
    if (mayPrivate) {
      deps.people().filter((p) => p.participationId !== deps.me().id && p.state === 'JOINED')
        .forEach((p) => options.push(el('option', { value: p.participationId }, p.name)));
    }
    const chosen = to.value;
    to.replaceChildren(...options);
    to.value = options.some((o) => o.value === chosen) ? chosen : '';
  }

  async function submit() {
    problem.textContent = '';
    const words = text.value.trim();
    const chosenFile = file.files[0];
    if (!words && !chosenFile) return;
    if (chosenFile && chosenFile.size > deps.maxBytes) {
      problem.textContent = t('chat.too-large', { size: size(deps.maxBytes) });
      return;
    }
    send.disabled = true;
    try {
      const body = { clientMessageId: crypto.randomUUID() };
      if (words) body.text = words;
      if (to.value) body.to = to.value;
      if (chosenFile) {
        progress.hidden = false;
        const attachment = await deps.upload(chosenFile, (share) => { progress.value = Math.round(share * 100); });
        body.attachmentId = attachment.id;
      }
      // on the channel when there is no file: its chat.message event shows it
      const sent = chosenFile ? await deps.api('POST', `/chat/send`, body) : await deps.send(body);
      if (sent) show(sent);
      text.value = '';
      file.value = '';
    } catch (e) {
      problem.textContent = t('chat.not-sent', { reason: e.message });
    } finally {
      send.disabled = false;
      progress.hidden = true;
      progress.value = 0;
    }
  }

  async function loadEarlier() {
    try {
      const page = await deps.api('GET', `/chat/messages?size=50${before ? '&before=' + before : ''}`);
      page.items.forEach((m) => show(m, true));
      before = page.before;
      earlier.hidden = !before;
    } catch (e) {
      problem.textContent = e.message;
    }
  }

  /** Adds or refreshes a message; those read from history do not count as unread. */
  function show(raw, fromHistory = false) {
    const m = { ...raw, id: raw.id || raw.messageId, reactions: raw.reactions || {} };
    const known = messages.get(m.id);
    messages.set(m.id, known ? { ...known, ...m, reactions: known.reactions } : m);
    const wasReading = reading();
    const wasAtBottom = atBottom();
    render();
    if (known || fromHistory) return;
    if (wasAtBottom) list.scrollTop = list.scrollHeight;
    if (m.from !== deps.me().id && !wasReading) {
      unread += 1;
      badge.textContent = t('chat.unread', { n: unread });
      badge.hidden = false;
      deps.unread(unread);
    }
  }

  function render() {
    const ordered = [...messages.values()].sort((a, b) => a.position - b.position);
    renderList(list, ordered, (m) => m.id, line,
      (m) => JSON.stringify([m.text, m.reactions, [...(mine.get(m.id) || [])], m.to ? deps.people().length : 0]));
  }

  function line(m) {
    const li = el('li', { className: 'message' + (m.to ? ' private' : ''), 'data-message': m.id });
    const who = el('span', { className: 'from' }, m.fromName || '');
    li.append(who);
    if (m.to) {
      const other = m.from === deps.me().id ? nameOf(m.to) : t('chat.you');
      li.append(el('span', { className: 'private-note' }, ' ' + t('chat.private-to', { name: other })));
    }
    li.append(': ', el('span', { className: 'text' }, ...linked(m.text || '')));
    if (m.attachment) {
      const a = m.attachment;
      li.append(' ', button(t('chat.download', { name: a.fileName, size: size(a.size) }), () => deps.download(a)
        .catch((e) => { problem.textContent = e.message; }), { className: 'secondary attachment' }));
    }
    const reactions = el('span', { className: 'message-reactions', role: 'group', 'aria-label': t('chat.react') });
    for (const emoji of REACTIONS) {
      const count = m.reactions[emoji] || 0;
      const pressed = (mine.get(m.id) || new Set()).has(emoji);
      reactions.append(button(count ? `${emoji} ${count}` : emoji, () => react(m, emoji, !pressed), {
        'aria-pressed': String(pressed), 'aria-label': t('chat.react-with', { emoji, n: count }), className: 'secondary',
      }));
    }
    li.append(reactions);
    return li;
  }

  function nameOf(id) {
    const p = deps.people().find((q) => q.participationId === id);
    return p ? p.name : t('chat.someone');
  }

  async function react(m, emoji, on) {
    try {
      const counts = on ? await deps.api('POST', `/chat/messages/${m.id}/reactions`, { emoji })
        : await deps.api('DELETE', `/chat/messages/${m.id}/reactions/${encodeURIComponent(emoji)}`);
      const set = mine.get(m.id) || new Set();
      if (on) set.add(emoji); else set.delete(emoji);
      mine.set(m.id, set);
      messages.set(m.id, { ...messages.get(m.id), reactions: counts });
      render();
    } catch (e) {
      problem.textContent = e.message;
    }
  }

  return {
    /** The channel is (re)opened: the newest page of history, once. */
    async opened() {
      recipients();
      if (loaded) return;
      loaded = true;
      await loadEarlier();
      list.lastElementChild?.scrollIntoView({ block: 'nearest' });
    },
    message(data) {
      show(data);
    },
    reaction(data) {
      const m = messages.get(data.messageId);
      if (!m || data.participationId === deps.me().id) return; // mine were counted from the answer
      const counts = { ...m.reactions };
      counts[data.emoji] = Math.max(0, (counts[data.emoji] || 0) + (data.on ? 1 : -1));
      if (!counts[data.emoji]) delete counts[data.emoji];
      messages.set(m.id, { ...m, reactions: counts });
      render();
    },
    /** The panel came into view: at the end, what was new is read. */
    shown() {
      if (atBottom()) markRead();
    },
    privateChat(allowed) {
      privateAllowed = allowed;
      recipients();
    },
    peopleChanged() {
      recipients();
    },
  };
}

/** The text with its http(s) addresses as links that open elsewhere and tell nothing of this page. */
export function linked(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > last) parts.push(document.createTextNode(text.slice(last, match.index)));
    const a = document.createElement('a');
    a.href = match[0];
    a.textContent = match[0];
    a.rel = 'noopener noreferrer nofollow';
    a.target = '_blank';
    parts.push(a);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
  return parts;
}

function size(bytes) {
  return bytes >= 1048576 ? `${Math.round(bytes / 104857.6) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
