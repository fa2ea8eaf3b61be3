// The join page (docs/join-page.md): device check, join, and the meeting — video through the media
// server, signalled over the meeting channel; chat and reactions from the same channel. Plain
// JavaScript modules, no build step: one module per panel (people.js), the words in messages.js.
import { breakoutsPanel } from './breakouts.js';
import { chatPanel } from './chat.js';
import { levelMeter, listDevices, openStream, useSpeaker } from './devices.js';
import { ask, askHostLeaving } from './dialog.js';
import { language, t, useLanguage } from './messages.js';
import { videoLayout } from './layout.js';
import { peoplePanel } from './people.js';
import { pollsPanel } from './polls.js';
import { qaPanel } from './qa.js';
import { tabs } from './tabs.js';
import { whiteboardPanel } from './whiteboard.js';
import { backFromKeycloak, finishSignIn, keycloakAnswers, session, startSignIn, whenSignInEnds } from './sign-in.js';

const $ = (id) => document.getElementById(id);
const page = {
  code: location.pathname.split('/').filter(Boolean).pop(),
  joinToken: new URLSearchParams(location.search).get('t'),
  relayOnly: new URLSearchParams(location.search).get('relay') === '1',
  passcodeKey: new URLSearchParams(location.search).get('p'), // the invitation's link carries the passcode's key
};
/** Where this tab keeps a guest's ticket and name for its meeting: a reload joins as the same guest. */
const GUEST_TICKET = 'convene.guest-ticket.';
const GUEST_NAME = 'convene.guest-name.';
/** What the page knows of this visit; window.convene lets a tester (or a curious admin) look. */
const state = {
  meetingId: null, me: null, role: null, guestTicket: null, lastSeq: 0, socket: null, leaving: false,
  iceServers: [], local: null, screen: null, audioOn: true, videoOn: true,
  publishers: {}, // kind ('camera' | 'screen') -> {pc, link, queue}
  subscriptions: {}, // feed -> {pc, link, stream}
  feeds: new Map(), // feed -> {feed, participationId}: the others' feeds published where I am
  earlyCandidates: {}, // link -> the media server's candidates that came before the link's SDP
  reconnectDelay: 500,
};
window.convene = state;

const people = peoplePanel($('people-panel'), {
  control: (action, participationId) => api('POST', `/api/meetings/${state.meetingId}/control`,
    { action, participationId: participationId || undefined }),
  me: () => ({ id: state.me, role: state.role }),
  webinar: () => state.webinar,
});

const inMeeting = (method, path, body) => api(method, `/api/meetings/${state.meetingId}${path}`, body);
const whoAmI = () => ({ id: state.me, role: state.role });
const chat = chatPanel($('chat-panel'), {
  api: inMeeting,
  send: sendChat,
  upload,
  download,
  me: whoAmI,
  people: () => people.all(),
  maxBytes: Number(document.querySelector('meta[name="convene-limits"]').dataset.maxAttachmentBytes) || 10485760,
  visible: () => !$('chat-panel').hidden,
  unread: (n) => { $('tab-chat').textContent = t('tabs.chat') + (n ? ` (${n})` : ''); },
});
const polls = pollsPanel($('polls-panel'), { api: inMeeting, me: whoAmI });
const questions = qaPanel($('qa-panel'), { api: inMeeting, me: whoAmI });
const board = whiteboardPanel($('board-panel'), { api: inMeeting, me: whoAmI, room: () => state.room, fetchFile });
state.board = board; // testers read what the board holds and when strokes arrived
const rooms = breakoutsPanel($('rooms-panel'), {
  api: inMeeting, me: whoAmI, people: () => people.all(),
  moved: (room) => moved(room).catch((e) => status(t('problem', { reason: e.message }))),
  banner: (text) => { $('room-banner').textContent = text; $('room-banner').hidden = !text; },
});
const view = videoLayout($('grid'), { view: $('view'), self: $('self-view'), fullscreen: $('fullscreen') }, $('meeting'),
  () => receive());
tabs($('panel-tabs'), (shown) => { if (shown === 'chat-panel') chat.shown(); });

/** The page's fixed words in the browser's language (what the modules build, they word themselves). */
function translate() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-text]').forEach((e) => { e.textContent = t(e.dataset.text); });
  document.querySelectorAll('[data-label]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.label)));
  $('panel-tabs').setAttribute('aria-label', t('tabs.label'));
}
translate();

// ---------- before joining: devices, preview, microphone level ----------

async function startPreview() {
  state.devicesAsked = true;
  if (state.local) state.local.getTracks().forEach((track) => track.stop());
  try {
    state.local = await openStream($('camera').value, $('microphone').value);
  } catch (e) {
    $('join-problem').textContent = t('join.no-devices', { reason: e.message });
    state.local = new MediaStream();
    return;
  }
  $('preview').srcObject = state.local;
  await listDevices({ camera: $('camera'), microphone: $('microphone'), speaker: $('speaker') });
  if (state.stopLevel) state.stopLevel();
  state.stopLevel = levelMeter(state.local, $('mic-level'));
}

/**
 * A webinar's audience watches and listens: the page asks for no camera or microphone before joining
 * (only the speaker is chosen); whoever is on stage is asked once they are in (ownDevices).
 */
async function watchOnly() {
  state.local = new MediaStream();
  $('webinar-note').hidden = false;
  $('preview-box').hidden = true;
  $('device-choice').hidden = true;
  await listDevices({ speaker: $('speaker') });
}

/** The browser's camera and microphone, asked for when someone first comes on a webinar's stage. */
async function ownDevices() {
  state.devicesAsked = true;
  try {
    state.local = await openStream('', '');
  } catch (e) {
    status(t('join.no-devices', { reason: e.message }));
    state.local = new MediaStream();
  }
}

// ---------- during the meeting: other devices, without leaving ----------

async function openDevices() {
  await listDevices({ camera: $('meeting-camera'), microphone: $('meeting-microphone'), speaker: $('meeting-speaker') });
  for (const kind of ['camera', 'microphone', 'speaker']) { // what is in use now is what is chosen
    const track = kind === 'camera' ? state.local.getVideoTracks()[0] : kind === 'microphone' ? state.local.getAudioTracks()[0] : null;
    const id = track ? track.getSettings().deviceId : state.speaker;
    if (id) $('meeting-' + kind).value = id;
  }
  $('meeting-preview').srcObject = state.local;
  const stop = levelMeter(state.local, $('meeting-level'));
  $('devices-dialog').addEventListener('close', stop, { once: true });
  $('devices-dialog').showModal();
}

/** Another camera or microphone: its track replaces the old one in what is being sent, nothing renegotiated. */
async function switchDevices() {
  $('devices-problem').textContent = '';
  let fresh;
  try {
    fresh = await openStream($('meeting-camera').value, $('meeting-microphone').value);
  } catch (e) {
    $('devices-problem').textContent = e.message;
    return;
  }
  const sending = state.publishers.camera ? state.publishers.camera.pc.getSenders() : [];
  for (const track of fresh.getTracks()) {
    const old = state.local.getTracks().find((x) => x.kind === track.kind);
    track.enabled = track.kind === 'audio' ? state.audioOn : state.videoOn;
    const sender = sending.find((x) => x.track && x.track.kind === track.kind);
    if (sender) await sender.replaceTrack(track);
    if (old) {
      state.local.removeTrack(old);
      old.stop();
    }
    state.local.addTrack(track);
  }
  $('meeting-preview').srcObject = state.local;
}

// ---------- employees sign in (sign-in.js) ----------

/**
 * Arriving: back from Keycloak, the code is exchanged and the person joins at once; the first time
 * this tab opens the link, Keycloak is asked silently whether the browser is signed in; when it is
 * not and the meeting takes no guests, the person goes straight on to Keycloak's sign-in page (and
 * comes back inside); otherwise the form: a guest's name, or "Sign in".
 */
async function arrive() {
  const back = backFromKeycloak();
  if (back) {
    const outcome = await finishSignIn(back);
    if (!outcome.error) {
      await speakTheirLanguage();
      showSignedIn(outcome.claims);
      return join();
    }
    if (outcome.silent && !(await guestsAllowed())) return startSignIn(false);
    if (!outcome.silent) $('join-problem').textContent = t('join.' + outcome.error, { reason: outcome.reason });
    return showForm();
  }
  if (sessionStorage.getItem('convene.silent-check') !== location.pathname && await keycloakAnswers()) {
    sessionStorage.setItem('convene.silent-check', location.pathname);
    return startSignIn(true);
  }
  return showForm();
}

/** An employee's own choice of language (their profile) over the browser's; guests keep the browser's. */
async function speakTheirLanguage() {
  try {
    const me = await api('GET', '/api/users/profile');
    if (me.language && me.language !== language) {
      useLanguage(me.language);
      translate();
    }
  } catch (e) {
    // the browser's language, then
  }
}

/** What the link's token tells the page before anyone signs in ({guestsAllowed, webinar}); null when it cannot say. */
async function entryFacts() {
  try {
    const r = await fetch(`/api/meetings/${encodeURIComponent(page.code)}/entry?t=${encodeURIComponent(page.joinToken || '')}`);
    return r.ok ? await r.json() : null;
  } catch (e) {
    return null;
  }
}

/** Whether the meeting takes guests; when unsure, the form decides. */
async function guestsAllowed() {
  const entry = await state.entry;
  return !entry || entry.guestsAllowed;
}

function showForm() {
  $('join-checking').hidden = true;
  $('join-form').hidden = false;
  $('passcode-field').hidden = !!page.passcodeKey && !state.askPasscode;
}

function showSignedIn(claims) {
  $('signed-in').textContent = t('join.signed-in-as', { name: claims.name || claims.email });
  $('signed-in').hidden = false;
  $('guest-name').hidden = true;
}

whenSignInEnds(() => status(t('join.sign-in-ended')));

// ---------- the API ----------

function headers() {
  const h = { 'Content-Type': 'application/json' };
  if (session.token) h.Authorization = 'Bearer ' + session.token;
  else if (state.guestTicket) h['X-Convene-Guest-Ticket'] = state.guestTicket;
  return h;
}

async function api(method, path, body) {
  const response = await fetch(path, { method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((json && (json.detail || json.title)) || response.statusText);
    error.problem = json;
    throw error;
  }
  return json;
}

/** Joins: from the form's button, or by itself once Keycloak has said who this is. */
async function join(event) {
  if (event) event.preventDefault();
  state.joinClickedAt = state.joinClickedAt || performance.now(); // figures: to one's own video at the media server
  for (const id of ['display-name-error', 'passcode-error', 'join-problem']) $(id).textContent = '';
  await state.previewReady; // the camera and microphone chosen before anything is sent
  const body = { joinToken: page.joinToken, passcodeKey: page.passcodeKey || undefined };
  if (!session.token) body.displayName = $('display-name').value.trim();
  if ($('passcode').value.trim()) body.passcode = $('passcode').value.trim();
  let joined;
  try {
    joined = await api('POST', `/api/meetings/${encodeURIComponent(page.code)}/join`, body);
  } catch (e) {
    const fields = (e.problem && e.problem.errors) || [];
    for (const f of fields) {
      const target = f.field === 'displayName' ? 'display-name-error' : f.field === 'passcode' ? 'passcode-error' : 'join-problem';
      $(target).textContent = f.message;
    }
    if (!fields.length) $('join-problem').textContent = e.message;
    state.joinClickedAt = undefined;
    state.askPasscode = true; // the link's key (if any) did not do: the passcode can be typed
    showForm();
    return;
  }
  Object.assign(state, { meetingId: joined.meetingId, me: joined.participationId, role: joined.role, guestTicket: joined.guestTicket });
  if (joined.guestTicket) { // a reload of this tab comes back as the same guest (name, stage), not a second one
    sessionStorage.setItem(GUEST_TICKET + page.code, joined.guestTicket);
    sessionStorage.setItem(GUEST_NAME + page.code, body.displayName);
  }
  state.webinar = joined.webinar === true;
  state.panelist = joined.panelist === true;
  state.audioOn = joined.audioOnEntry !== false && onStage();
  state.videoOn = joined.videoOnEntry !== false && onStage();
  showStage();
  $('prejoin').hidden = true;
  show(joined.state === 'JOINED' ? 'meeting' : 'waiting');
  openChannel(joined.channelTicket);
}

function show(section) {
  for (const id of ['prejoin', 'waiting', 'meeting', 'gone']) $(id).hidden = id !== section;
}

// ---------- the meeting channel ----------

function openChannel(ticket) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // reconnecting: the server starts after the last event seen, in order (nothing missed, nothing twice)
  const after = state.lastSeq > 0 ? `&after=${state.lastSeq}` : '';
  // coalesce: what waits for this page when the server writes goes in one frame, as an array
  const socket = new WebSocket(`${scheme}://${location.host}/ws/meetings/${state.meetingId}?ticket=${encodeURIComponent(ticket)}${after}&coalesce=true`);
  state.socket = socket;
  socket.onmessage = (m) => {
    const data = JSON.parse(m.data);
    for (const one of Array.isArray(data) ? data : [data]) {
      onMessage(one).catch((e) => status(t('problem', { reason: e.message })));
    }
  };
  socket.onclose = (e) => {
    state.lastClose = e.code + ' ' + e.reason; // for whoever debugs a call
    if (socket !== state.socket) return;
    stopMedia();
    if (state.leaving) return;
    if (e.code === 4403) return gone(t('gone.removed'));
    if (state.ended || (e.code === 1000 && e.reason === 'meeting ended')) return gone(t('gone.ended'));
    if (e.code === 1008) return gone(t('gone.refused', { reason: e.reason }));
    status(t('channel.reconnecting'));
    setTimeout(reconnect, state.reconnectDelay);
    state.reconnectDelay = Math.min(state.reconnectDelay * 2, 10000);
  };
}

async function reconnect() {
  try {
    let ticket = state.guestTicket;
    if (!ticket) {
      const again = await api('POST', `/api/meetings/${encodeURIComponent(page.code)}/join`, { joinToken: page.joinToken });
      ticket = again.channelTicket;
    }
    openChannel(ticket);
  } catch (e) {
    status(t('channel.offline'));
    setTimeout(reconnect, state.reconnectDelay);
  }
}

function send(message) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) state.socket.send(JSON.stringify(message));
}

/** Chat messages sent on the channel and not answered yet, by their clientMessageId. */
const chatWaiting = new Map();

/**
 * Sends a chat message on the channel, where the server stores it with the others sent meanwhile;
 * over HTTP when the socket is down, fails or does not answer within 10 s. The same clientMessageId
 * either way, so it is stored once. Resolves when stored (the message itself comes as its event).
 */
function sendChat(body) {
  const socket = state.socket;
  const frame = JSON.stringify({ type: 'chat.send', ...body });
  // the channel takes 16 KiB a message; text full of quotes or line breaks can pass that once escaped
  if (!socket || socket.readyState !== WebSocket.OPEN || frame.length > 16000) return inMeeting('POST', '/chat/send', body);
  return new Promise((resolve, reject) => {
    const overHttp = () => inMeeting('POST', '/chat/send', body).then(resolve, reject);
    const timer = setTimeout(() => { chatWaiting.delete(body.clientMessageId); overHttp(); }, 10000);
    chatWaiting.set(body.clientMessageId, { resolve, reject, overHttp, timer });
    socket.send(frame);
  });
}

function chatAnswered(m) {
  const waiting = chatWaiting.get(m.clientMessageId);
  if (!waiting) return undefined;
  chatWaiting.delete(m.clientMessageId);
  clearTimeout(waiting.timer);
  if (m.type === 'chat.sent') return waiting.resolve(null);
  if (m.code === 'failed') return waiting.overHttp();
  return waiting.reject(new Error(m.message));
}

async function onMessage(m) {
  switch (m.type) {
    case 'hello': return hello(m);
    case 'event': state.lastSeq = Math.max(state.lastSeq, m.seq); return onEvent(m.event, m.data);
    case 'media.answer': return published(m);
    case 'media.offer': return offered(m);
    case 'media.refused': return refused(m);
    case 'media.feeds': return m.feeds.forEach(feedPublished);
    case 'media.state': return mediaState(m);
    case 'media.candidate': return serverCandidate(m);
    case 'chat.sent': return chatAnswered(m);
    case 'error':
      if (m.clientMessageId) return chatAnswered(m);
      if (m.code === 'media-failed') republishUnanswered();
      return status(m.message);
    default: return undefined;
  }
}

async function hello(m) {
  const resuming = state.lastSeq > 0; // the socket was opened with after=: what was missed follows
  const wasOnStage = onStage();
  if (!resuming) state.lastSeq = m.seq;
  state.reconnectDelay = 500;
  $('meeting-title').textContent = m.meeting.title;
  state.webinar = m.meeting.webinar === true;
  recordingChanged(m.meeting.recording);
  people.reset(m.participants, { locked: m.meeting.locked, unmuteAllowed: m.meeting.unmuteAllowed !== false,
    privateChatAllowed: m.meeting.privateChatAllowed !== false });
  status(resuming ? t('channel.reconnected') : '');
  state.role = m.you.role;
  state.panelist = m.you.panelist === true;
  showStage();
  if (wasOnStage !== onStage() && state.live) await stageChanged(m.you); // brought on or off stage while away
  handChanged(m.you.hand);
  showRunnerControls();
  if (['HOST', 'CO_HOST'].includes(state.role)) {
    api('GET', `/api/meetings/${state.meetingId}/hands`).then((queue) => people.hands(queue)).catch(() => {});
  }
  chat.privateChat(m.meeting.privateChatAllowed !== false);
  if (m.you.state === 'JOINED') await panelsOpened();
  state.live = m.meeting.status === 'LIVE';
  if (!state.live) status(t('meeting.not-started'));
  if (m.you.state === 'JOINED' && state.live) await startMedia();
}

/** The meeting started (its host came): those already in send and receive media from now on. */
async function started() {
  state.live = true;
  status('');
  if ($('meeting').hidden) return;
  for (const [kind, entry] of Object.entries(state.publishers)) { // refused while it had not started
    if (!entry.link) {
      entry.pc.close();
      delete state.publishers[kind];
    }
  }
  await startMedia();
}

function showRunnerControls() {
  $('record').hidden = !['HOST', 'CO_HOST'].includes(state.role);
  polls.render();
  questions.render();
  board.render();
  rooms.render();
}

/** Let in: the chat's history, and the polls and questions so far (each read once per page). */
async function panelsOpened() {
  await chat.opened();
  if (state.panelsRead) return;
  state.panelsRead = true;
  await Promise.all([polls.opened(), questions.opened(), board.opened(), rooms.opened()]);
}

async function onEvent(type, data) {
  if (type.startsWith('participant.')) {
    people.update(data, type);
    chat.peopleChanged();
    if (data.participationId === state.me) {
      await aboutMe(type, data);
      people.render(); // my role decides what I may do to others
    }
    if (['participant.left', 'participant.removed'].includes(type)) dropFeedsOf(data.participationId);
    if (type === 'participant.media') receive(); // an unmuted voice is heard from whatever page
    rooms.render();
  } else if (type === 'media.published') {
    if (inMyRoom(data)) feedPublished(data);
  } else if (type === 'media.unpublished') {
    if (inMyRoom(data)) feedUnpublished(data.feed);
  } else if (type.startsWith('breakout.')) {
    rooms.changed(type, data);
  } else if (type === 'chat.message') {
    chat.message(data);
  } else if (type === 'chat.reaction') {
    chat.reaction(data);
  } else if (type.startsWith('poll.')) {
    polls.changed(data);
  } else if (type.startsWith('question.')) {
    questions.changed(type, data);
  } else if (type.startsWith('whiteboard.')) {
    await board.changed(type, data);
  } else if (type === 'meeting.reaction') {
    react(data);
  } else if (type === 'meeting.started') {
    await started();
  } else if (type === 'meeting.ended') {
    state.ended = true;
  } else if (type === 'meeting.locked' || type === 'meeting.unlocked') {
    people.meeting({ locked: type === 'meeting.locked' });
  } else if (type === 'meeting.unmute') {
    people.meeting({ unmuteAllowed: data.allowed });
  } else if (type === 'meeting.private-chat') {
    people.meeting({ privateChatAllowed: data.allowed });
    chat.privateChat(data.allowed);
  } else if (type === 'meeting.recording') {
    recordingChanged(data.recording);
  }
}

async function aboutMe(type, data) {
  const wasOnStage = onStage();
  state.role = data.role;
  state.panelist = data.panelist === true;
  showRunnerControls();
  if (type === 'participant.role' && wasOnStage !== onStage()) await stageChanged(data);
  if (type === 'participant.hand') handChanged(data.hand);
  if (type === 'participant.admitted' && data.state === 'JOINED') {
    show('meeting');
    await panelsOpened();
    if (state.live) await startMedia();
  } else if (type === 'participant.denied') {
    gone(t('gone.denied'));
  } else if (type === 'participant.media') {
    // a host may have muted me, or stopped my video or share: follow
    if (!data.audio && state.audioOn) setAudio(false, false);
    if (!data.video && state.videoOn) setVideo(false, false);
    if (!data.screen && state.screen) stopShare(false);
  }
}

// ---------- a webinar's stage ----------

/** Seen and heard: everyone in a meeting; in a webinar the hosts, co-hosts and panelists (the rest watch). */
function onStage() {
  return !state.webinar || state.role !== 'PARTICIPANT' || state.panelist;
}

/** The audience's page says so and offers no camera, microphone or screen. */
function showStage() {
  const watching = !onStage();
  $('audience-banner').hidden = !watching;
  ['mic', 'cam', 'share'].forEach((id) => { $(id).hidden = watching; });
}

/** A host brought me onto the stage (my camera goes out) or sent me back to the audience (what I sent ends). */
async function stageChanged(me) {
  showStage();
  if (onStage()) {
    setAudio(me.audio === true, false);
    setVideo(me.video === true, false);
    if (state.live && !state.publishers.camera) await startMedia();
    status(t('webinar.on-stage'));
    return;
  }
  if (state.screen) stopShare(false);
  for (const [kind, entry] of Object.entries(state.publishers)) {
    entry.pc.close();
    if (entry.link) send({ type: 'media.hangup', link: entry.link });
    delete state.publishers[kind];
  }
  const own = document.querySelector(`[data-feed="${CSS.escape(state.me + '-camera')}"]`);
  if (own) own.remove();
  setAudio(false, false);
  setVideo(false, false);
  state.local.getTracks().forEach((track) => track.stop()); // the camera and microphone are let go, and asked for again on stage
  state.local = new MediaStream();
  state.devicesAsked = false;
  status(t('webinar.in-audience'));
}

// ---------- media ----------

async function startMedia() {
  if (state.publishers.camera) return;
  if (state.recording && !state.toldOfRecording) { // told before anything of theirs is sent
    if (!(await ask(t('record.notice'), t('record.continue'), t('record.leave')))) return leave();
    state.toldOfRecording = true;
  }
  const servers = await api('GET', `/api/meetings/${state.meetingId}/ice-servers`);
  state.iceServers = servers.iceServers.map((s) => ({ urls: s.urls, username: s.username || undefined, credential: s.credential || undefined }));
  if (onStage() && !state.devicesAsked) await ownDevices(); // a webinar's audience was not asked before
  if (!state.local) state.local = new MediaStream();
  setAudio(state.audioOn, false);
  setVideo(state.videoOn, false);
  if (onStage()) { // a webinar's audience sends nothing
    tile(state.me + '-camera', state.local, t('tile.you'), true);
    if (state.local.getTracks().length) await publish('camera', state.local);
  }
  send({ type: 'media.feeds' });
}

function peer() {
  return new RTCPeerConnection({ iceServers: state.iceServers, iceTransportPolicy: page.relayOnly ? 'relay' : 'all' });
}

// A camera is sent in two layers (simulcast): full and half resolution, high layer first as Janus
// expects. The media server forwards each subscriber the one it asks for (see chooseQualities).
const CAMERA_LAYERS = [{ rid: 'h', maxBitrate: 900000 }, { rid: 'l', maxBitrate: 250000, scaleResolutionDownBy: 2 }];

async function publish(kind, stream) {
  const pc = peer();
  const entry = { pc, link: null, queue: [], offeredAt: performance.now() };
  state.publishers[kind] = entry;
  stream.getTracks().forEach((t) => pc.addTransceiver(t, {
    direction: 'sendonly', streams: [stream],
    sendEncodings: kind === 'camera' && t.kind === 'video' ? CAMERA_LAYERS : undefined,
  }));
  pc.onicecandidate = (e) => {
    const c = e.candidate ? { candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex } : null;
    if (entry.link) send({ type: 'media.candidate', link: entry.link, candidate: c });
    else entry.queue.push(c);
  };
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  send({ type: 'media.publish', kind, sdp: offer.sdp });
}

async function published(m) {
  const kind = m.feed.endsWith('-screen') ? 'screen' : 'camera';
  const entry = state.publishers[kind];
  if (!entry) return;
  entry.link = m.link;
  await entry.pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
  keepResolution(entry.pc);
  applyEarlyCandidates(m.link, entry.pc);
  entry.queue.splice(0).forEach((c) => send({ type: 'media.candidate', link: m.link, candidate: c }));
}

/** The media server failed a publication: those still without an answer are offered again, a few times. */
function republishUnanswered() {
  for (const [kind, entry] of Object.entries(state.publishers)) {
    if (entry.link || (entry.tries || 0) >= 3) continue;
    entry.pc.close();
    delete state.publishers[kind];
    setTimeout(() => {
      if (state.publishers[kind] || !state.socket || (kind === 'screen' && !state.screen)) return;
      publish(kind, kind === 'camera' ? state.local : state.screen).then(() => {
        if (state.publishers[kind]) state.publishers[kind].tries = (entry.tries || 0) + 1;
      });
    }, 1000);
  }
}

/** A busy CPU makes the browser drop frames rather than shrink the layers: which layer is seen is the server's choice. */
function keepResolution(pc) {
  pc.getSenders().filter((s) => s.track && s.track.kind === 'video').forEach((s) => {
    const parameters = s.getParameters();
    parameters.degradationPreference = 'maintain-resolution';
    s.setParameters(parameters).catch(() => {});
  });
}

/** A feed published where I am: known, and received if it is on the page or its microphone is on. */
function feedPublished(feed) {
  if (feed.participationId === state.me) return;
  state.feeds.set(feed.feed, { feed: feed.feed, participationId: feed.participationId });
  receive();
}

function feedUnpublished(feed) {
  state.feeds.delete(feed);
  drop(feed);
  receive();
}

/**
 * What this page receives: the feeds on the page shown now with their video, and the camera feeds
 * of whoever has their microphone on (elsewhere in the meeting) for their sound only; nothing of the
 * others. At most one page of video, however large the meeting.
 */
function receive() {
  const all = [...state.feeds.values()].sort((a, b) => b.feed.endsWith('-screen') - a.feed.endsWith('-screen'));
  const shown = view.page(all.map((f) => f.feed));
  for (const f of all) {
    const who = people.get(f.participationId);
    const heard = f.feed.endsWith('-camera') && who && who.audio;
    if (shown.has(f.feed) || heard) subscribe(f);
    else if (state.subscriptions[f.feed]) drop(f.feed);
  }
  document.querySelectorAll('#grid .tile:not(.mine)').forEach((tile) => tile.classList.toggle('off-page', !shown.has(tile.dataset.feed)));
  state.shown = shown;
  chooseQualities();
}

function subscribe(feed) {
  if (feed.participationId === state.me || state.subscriptions[feed.feed]) return;
  state.subscriptions[feed.feed] = {
    pc: null, link: null, stream: new MediaStream(), participationId: feed.participationId, askedAt: performance.now(),
  };
  send({ type: 'media.subscribe', feed: feed.feed });
}

async function offered(m) {
  const s = state.subscriptions[m.feed];
  if (!s) return send({ type: 'media.hangup', link: m.link });
  const pc = peer();
  Object.assign(s, { pc, link: m.link });
  pc.ontrack = (e) => {
    s.stream.addTrack(e.track);
    const who = people.get(s.participationId);
    tile(m.feed, s.stream, (who ? who.name : 'Someone') + (m.feed.endsWith('-screen') ? ' (screen)' : ''), false);
  };
  pc.onicecandidate = (e) => send({
    type: 'media.candidate', link: m.link,
    candidate: e.candidate ? { candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex } : null,
  });
  await pc.setRemoteDescription({ type: 'offer', sdp: m.sdp });
  applyEarlyCandidates(m.link, pc);
  const answer = await pc.createAnswer();
  await pc.setLocalDescription(answer);
  send({ type: 'media.answer', link: m.link, sdp: answer.sdp });
}

/** The media server's own candidates (Kurento trickles them); kept until their link is known. */
function serverCandidate(m) {
  const link = [...Object.values(state.publishers), ...Object.values(state.subscriptions)].find((l) => l.link === m.link);
  if (link && link.pc && link.pc.remoteDescription) link.pc.addIceCandidate(m.candidate);
  else (state.earlyCandidates[m.link] = state.earlyCandidates[m.link] || []).push(m.candidate);
}

function applyEarlyCandidates(link, pc) {
  (state.earlyCandidates[link] || []).forEach((c) => pc.addIceCandidate(c));
  delete state.earlyCandidates[link];
}

function mediaState(m) {
  if (m.state === 'slow') { // the media server sees this link lose packets: receive the low layer for a while
    const s = Object.values(state.subscriptions).find((l) => l.link === m.link);
    if (s) s.slowUntil = Date.now() + 20000;
  }
  if (m.state === 'connected') { // how long from asking to media flowing: shown to testers and figures
    const link = [...Object.values(state.publishers), ...Object.values(state.subscriptions)].find((l) => l.link === m.link);
    if (link) link.connectedAfterMs = Math.round(performance.now() - (link.offeredAt || link.askedAt));
    if (link && link === state.publishers.camera && state.ownVideoAfterMs === undefined && state.joinClickedAt) {
      state.ownVideoAfterMs = Math.round(performance.now() - state.joinClickedAt);
    }
    chooseQualities(); // a tile off the page asks for no video at once
  }
  if (m.state !== 'hangup') return;
  const kind = Object.keys(state.publishers).find((k) => state.publishers[k].link === m.link);
  if (kind) { // the media server lost our feed: publish it again (unless we left a webinar's stage)
    state.publishers[kind].pc.close();
    delete state.publishers[kind];
    if (onStage()) publish(kind, kind === 'camera' ? state.local : state.screen);
    return;
  }
  const feed = Object.keys(state.subscriptions).find((f) => state.subscriptions[f].link === m.link);
  if (feed) {
    const s = state.subscriptions[feed];
    drop(feed);
    if (rooms.placeOf(s.participationId) === state.room) receive(); // again, if it is still wanted
  }
}

/** Whether a feed an event tells of is in the room this page is in (the main room, or its breakout room). */
function inMyRoom(feed) {
  return (feed.room || null) === (state.room || null);
}

/** A subscription the server refused: forgotten, and said unless its publisher has just gone to another room. */
function refused(m) {
  const s = state.subscriptions[m.feed];
  if (s && !s.link) delete state.subscriptions[m.feed];
  if (s && rooms.placeOf(s.participationId) === state.room) status(t('problem', { reason: m.message }));
  else state.feeds.delete(m.feed); // it is in another room now
}

/**
 * The page went to another breakout room (or back to the main room): its media there ends, its
 * camera (and screen) are published where it is now and it receives the feeds there. The room's own
 * whiteboard is read.
 */
async function moved(room) {
  state.room = room;
  board.opened().catch(() => {});
  const links = [...Object.values(state.publishers), ...Object.values(state.subscriptions)].map((l) => l.link).filter(Boolean);
  if (!links.length && !state.publishers.camera) return; // no media yet: it starts in the right room
  links.forEach((link) => send({ type: 'media.hangup', link }));
  stopMedia();
  if (!state.live || state.ended) return;
  await startMedia();
  if (state.screen) await publish('screen', state.screen);
}

function drop(feed) {
  const s = state.subscriptions[feed];
  if (s) {
    if (s.pc) s.pc.close();
    if (s.link) send({ type: 'media.hangup', link: s.link });
    delete state.subscriptions[feed];
  }
  const t = document.querySelector(`[data-feed="${CSS.escape(feed)}"]`);
  if (t) t.remove();
}

function dropFeedsOf(participationId) {
  [...state.feeds.keys()].filter((f) => f.startsWith(participationId)).forEach((f) => state.feeds.delete(f));
  Object.keys(state.subscriptions).filter((f) => f.startsWith(participationId)).forEach(drop);
  receive();
}

function stopMedia() {
  Object.values(state.publishers).forEach((p) => p.pc.close());
  Object.values(state.subscriptions).forEach((s) => s.pc && s.pc.close());
  state.publishers = {};
  state.subscriptions = {};
  state.feeds.clear();
  document.querySelectorAll('.tile:not(.mine)').forEach((t) => t.remove());
}

function tile(feed, stream, name, mine) {
  let figure = document.querySelector(`[data-feed="${CSS.escape(feed)}"]`);
  if (!figure) {
    figure = document.createElement('figure');
    figure.className = 'tile' + (mine ? ' mine' : '');
    figure.dataset.feed = feed;
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    video.muted = mine;
    const caption = document.createElement('figcaption');
    figure.append(video, caption);
    view.decorate(figure, name, mine);
    figure.classList.toggle('off-page', !mine && !!state.shown && !state.shown.has(feed));
    $('grid').append(figure);
    view.apply();
  }
  figure.querySelector('video').srcObject = stream;
  if (!mine && state.speaker) useSpeaker(state.speaker);
  figure.querySelector('figcaption').textContent = name;
  figure.setAttribute('aria-label', name);
}

// Which layer each camera subscription receives: none for a feed not on the page (heard only), the
// high one where its tile is 400 pixels wide or more, the low one for a smaller tile or for 20 s
// after the media server saw the network struggle.
function chooseQualities() {
  for (const [feed, s] of Object.entries(state.subscriptions)) {
    if (!s.pc || s.pc.connectionState !== 'connected') continue;
    const offPage = state.shown && !state.shown.has(feed);
    if (!offPage && !feed.endsWith('-camera') && !s.quality) continue; // a screen is sent in one layer
    const video = document.querySelector(`[data-feed="${CSS.escape(feed)}"] video`);
    const big = video && video.clientWidth * window.devicePixelRatio >= 400;
    const quality = offPage ? 'none' : (s.slowUntil || 0) > Date.now() || !big ? 'low' : 'high';
    if (quality !== s.quality) {
      s.quality = quality;
      send({ type: 'media.quality', link: s.link, quality });
    }
  }
}
setInterval(chooseQualities, 1000);

// who is talking: the loudest feed that is not silent, every half second
setInterval(async () => {
  let loudest = null;
  let level = 0.02;
  for (const [feed, s] of Object.entries(state.subscriptions)) {
    if (!s.pc) continue;
    const stats = await s.pc.getStats();
    stats.forEach((r) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio' && (r.audioLevel || 0) > level) {
        level = r.audioLevel;
        loudest = feed;
      }
    });
  }
  document.querySelectorAll('.tile').forEach((t) => t.classList.toggle('speaking', t.dataset.feed === loudest));
  view.apply();
}, 500);

// ---------- controls ----------

function setAudio(on, tell) {
  state.audioOn = on;
  if (state.local) state.local.getAudioTracks().forEach((t) => { t.enabled = on; });
  $('mic').setAttribute('aria-pressed', String(on));
  $('mic').textContent = t(on ? 'mic.mute' : 'mic.unmute');
  if (tell) api('POST', `/api/meetings/${state.meetingId}/audio/toggle`, { on }).catch((e) => { setAudio(!on, false); status(e.message); });
}

function setVideo(on, tell) {
  state.videoOn = on;
  if (state.local) state.local.getVideoTracks().forEach((t) => { t.enabled = on; });
  $('cam').setAttribute('aria-pressed', String(on));
  $('cam').textContent = t(on ? 'cam.stop' : 'cam.start');
  if (tell) api('POST', `/api/meetings/${state.meetingId}/video/toggle`, { on }).catch((e) => status(e.message));
}

async function share() {
  if (state.screen) return stopShare(true);
  try {
    state.screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
  } catch (e) {
    return status(t('share.failed', { reason: e.message }));
  }
  state.screen.getVideoTracks()[0].onended = () => stopShare(true);
  try {
    await api('POST', `/api/meetings/${state.meetingId}/screen-share/start`);
  } catch (e) { // refused (another share, a webinar's audience): nothing is captured any longer
    state.screen.getTracks().forEach((track) => track.stop());
    state.screen = null;
    return status(t('share.failed', { reason: e.message }));
  }
  tile(state.me + '-screen', state.screen, t('tile.your-screen'), true);
  await publish('screen', state.screen);
  $('share').setAttribute('aria-pressed', 'true');
  $('share').textContent = t('share.stop');
}

function stopShare(tell) {
  const entry = state.publishers.screen;
  if (entry) {
    if (entry.link) send({ type: 'media.hangup', link: entry.link });
    entry.pc.close();
    delete state.publishers.screen;
  }
  if (state.screen) state.screen.getTracks().forEach((t) => t.stop());
  state.screen = null;
  const mine = document.querySelector(`[data-feed="${CSS.escape(state.me + '-screen')}"]`);
  if (mine) mine.remove();
  $('share').setAttribute('aria-pressed', 'false');
  $('share').textContent = t('share.start');
  if (tell) api('POST', `/api/meetings/${state.meetingId}/screen-share/stop`).catch((e) => status(e.message));
}

function handChanged(raised) {
  state.hand = !!raised;
  $('hand').setAttribute('aria-pressed', String(state.hand));
  $('hand').textContent = t(state.hand ? 'hand.lower' : 'hand.raise');
}

async function toggleHand() {
  const raise = !state.hand;
  try { // the button follows the participant.hand event about me: the server's word, in the channel's order
    await api('POST', `/api/meetings/${state.meetingId}/hand/${raise ? 'raise' : 'lower'}`);
  } catch (e) {
    status(e.message);
  }
}

function recordingChanged(on) {
  state.recording = !!on;
  $('recording').hidden = !state.recording;
  $('record').textContent = t(state.recording ? 'record.stop' : 'record.start');
  $('record').setAttribute('aria-pressed', String(state.recording));
}

async function toggleRecording() {
  $('record-problem').textContent = '';
  $('record').disabled = true;
  try {
    await api('POST', `/api/meetings/${state.meetingId}/record/${state.recording ? 'stop' : 'start'}`);
  } catch (e) {
    $('record-problem').textContent = e.message;
  } finally {
    $('record').disabled = false;
  }
}

/** A reaction shows on its sender's tile for a moment (a corner toast when they have no tile). */
function react(data) {
  const id = data.participationId === state.me ? state.me : data.participationId;
  const figure = document.querySelector(`[data-feed="${CSS.escape(id + '-camera')}"]`);
  if (!figure) return toast(data.emoji);
  const badge = document.createElement('span');
  badge.className = 'reaction';
  badge.setAttribute('role', 'status');
  badge.textContent = data.emoji;
  figure.append(badge);
  setTimeout(() => badge.remove(), 2500);
}

/**
 * Leaving: a host with others still in the meeting first hands the host role to someone signed in,
 * or ends the meeting for everyone (then the meeting's end closes the page).
 */
async function leave() {
  const others = people.all().filter((p) => p.state === 'JOINED' && p.participationId !== state.me);
  if (state.role === 'HOST' && others.length) {
    const choice = await askHostLeaving(others.filter((p) => !p.guest).map((p) => ({ id: p.participationId, name: p.name })), {
      question: t('leave.question'), successor: t('leave.successor'), handOver: t('leave.hand-over'),
      end: t('leave.end'), stay: t('leave.stay'),
    });
    if (!choice) return;
    try {
      await api('POST', `/api/meetings/${state.meetingId}/control`,
        choice.end ? { action: 'END' } : { action: 'MAKE_HOST', participationId: choice.handOverTo });
    } catch (e) {
      return status(t('refused', { reason: e.message }));
    }
    if (choice.end) return; // meeting.ended closes the page
  }
  state.leaving = true;
  try {
    await api('POST', `/api/meetings/${state.meetingId}/leave`);
  } finally {
    if (state.socket) state.socket.close();
    stopMedia();
    if (state.local) state.local.getTracks().forEach((t) => t.stop());
    gone(t('gone.left'));
  }
}

function gone(why) {
  stopMedia();
  $('gone-title').textContent = why;
  show('gone');
}

// ---------- people, chat, reactions ----------

/** Uploads a chat attachment with its progress (0..1) as it goes; the stored attachment comes back. */
function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/meetings/${state.meetingId}/chat/attachments`);
    Object.entries(headers()).forEach(([k, v]) => { if (k !== 'Content-Type') xhr.setRequestHeader(k, v); });
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', file.name.replace(/[^\x20-\x7e]/g, '_'));
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      const json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(new Error((json && (json.detail || json.title)) || xhr.statusText));
    };
    xhr.onerror = () => reject(new Error('the upload broke off'));
    xhr.send(file);
  });
}

/** Downloads an attachment and hands it to the browser. */
function download(attachment) {
  return fetchFile(`/chat/attachments/${attachment.id}`, attachment.fileName);
}

/** Fetches a file of the meeting with this visit's credentials and hands it to the browser as {@code name}. */
async function fetchFile(path, name) {
  const h = headers();
  delete h['Content-Type'];
  const response = await fetch(`/api/meetings/${state.meetingId}${path}`, { headers: h });
  if (!response.ok) throw new Error(response.statusText);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function toast(emoji) {
  const note = document.createElement('div');
  note.className = 'toast';
  note.setAttribute('role', 'status');
  note.textContent = emoji;
  document.body.append(note);
  setTimeout(() => note.remove(), 2500);
}

function status(text) {
  $('status').textContent = text;
}

// ---------- wiring ----------

document.addEventListener('DOMContentLoaded', () => {
  $('join-form').addEventListener('submit', join);
  $('sign-in').addEventListener('click', () => startSignIn(false));
  $('camera').addEventListener('change', startPreview);
  $('microphone').addEventListener('change', startPreview);
  $('speaker').addEventListener('change', () => { state.speaker = $('speaker').value; });
  $('devices').addEventListener('click', () => openDevices().catch((e) => status(e.message)));
  $('meeting-camera').addEventListener('change', switchDevices);
  $('meeting-microphone').addEventListener('change', switchDevices);
  $('meeting-speaker').addEventListener('change', () => {
    state.speaker = $('meeting-speaker').value;
    useSpeaker(state.speaker);
  });
  $('devices-close').addEventListener('click', () => $('devices-dialog').close());
  $('mic').addEventListener('click', () => setAudio(!state.audioOn, true));
  $('cam').addEventListener('click', () => setVideo(!state.videoOn, true));
  $('share').addEventListener('click', share);
  $('hand').addEventListener('click', toggleHand);
  $('record').addEventListener('click', toggleRecording);
  handChanged(false);
  recordingChanged(false);
  $('leave').addEventListener('click', leave);
  document.querySelectorAll('.reactions button').forEach((b) => b.addEventListener('click',
    () => api('POST', `/api/meetings/${state.meetingId}/reactions`, { emoji: b.dataset.emoji }).catch((e) => status(e.message))));
  document.addEventListener('keydown', (e) => {
    if (!e.altKey || $('meeting').hidden) return;
    const key = e.key.toLowerCase();
    const press = (id) => { if (!$(id).hidden) $(id).click(); }; // not what a webinar's audience is not offered
    if (key === 'a') press('mic');
    else if (key === 'v') press('cam');
    else if (key === 's') press('share');
    else if (key === 'h') press('hand');
    else return;
    e.preventDefault();
  });
  state.guestTicket = sessionStorage.getItem(GUEST_TICKET + page.code); // sent with the join as the earlier ticket
  $('display-name').value = sessionStorage.getItem(GUEST_NAME + page.code) || '';
  state.entry = entryFacts();
  state.previewReady = state.entry.then((entry) => (entry && entry.webinar ? watchOnly() : startPreview()));
  arrive().catch((e) => {
    $('join-problem').textContent = t('join.not-signed-in', { reason: e.message });
    showForm();
  });
});
