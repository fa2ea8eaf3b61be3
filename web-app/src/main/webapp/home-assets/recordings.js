// The recordings one may watch: of meetings one hosted or was in (shared with participants, or one's
// own as host, co-host or who started it). The player fetches the file with a ticket of its own (a
// video element cannot send a bearer token) in byte ranges, so one can seek; the same ticket downloads it.

import { button, el } from '/join-assets/dom.js';
import { api, status } from './home.js';
import { t } from './words.js';

export function recordingsScreen(root) {
  const list = el('ul', { className: 'meetings', id: 'recordings', 'aria-labelledby': 'recordings-title' });
  const player = el('section', { id: 'player', hidden: true, 'aria-labelledby': 'player-title' });
  root.append(el('h1', { id: 'recordings-title' }, t('recordings.title')), player, list);
  api('GET', '/api/recordings').then((rows) => {
    list.replaceChildren(...rows.map((row) => item(row, player)));
    if (!rows.length) list.append(el('li', {}, t('recordings.none')));
  }).catch((e) => list.replaceChildren(el('li', { className: 'problem' }, t('problem', { reason: e.message }))));
}

function item(row, player) {
  const r = row.recording;
  const minutes = Math.max(1, Math.round((r.durationMs || 0) / 60000));
  return el('li', { className: 'meeting', 'data-recording-id': r.id },
    el('div', { className: 'what' }, el('div', {}, row.meetingTitle),
      el('div', { className: 'when' }, new Date(r.startedAt).toLocaleString()),
      el('div', { className: 'facts' }, t('recordings.facts', { minutes, size: megabytes(r.sizeBytes) }))),
    button(t('recordings.watch'), () => watch(row, player), { className: 'watch', 'aria-label': t('recordings.watch-named', { title: row.meetingTitle }) }));
}

async function watch(row, player) {
  let ticket;
  try {
    ({ ticket } = await api('POST', `/api/recordings/${row.recording.id}/ticket`));
  } catch (e) {
    status(t('problem', { reason: e.message }));
    return;
  }
  const source = `/api/recordings/${row.recording.id}/stream?ticket=${encodeURIComponent(ticket)}`;
  const video = el('video', { id: 'recording-video', controls: '', preload: 'metadata', src: source, 'aria-label': row.meetingTitle });
  player.replaceChildren(el('h2', { id: 'player-title' }, row.meetingTitle), video,
    el('div', { className: 'row' }, el('a', { href: source + '&download=true', download: `recording-${row.recording.id}.webm`,
      id: 'recording-download' }, t('recordings.download'))));
  player.hidden = false;
  video.focus();
}

function megabytes(bytes) {
  return ((bytes || 0) / 1048576).toFixed(1);
}
