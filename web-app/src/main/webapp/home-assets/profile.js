// One's profile and data: name and time zone (the API's field messages under the fields), the
// password changed through Keycloak's own page, and one's data exported as a ZIP with its progress.

import { ask } from '/join-assets/dialog.js';
import { button, el } from '/join-assets/dom.js';
import { session, startSignIn } from '/join-assets/sign-in.js';
import { api, showPicture, status } from './home.js';
import { ownZone } from './when.js';
import { t } from './words.js';

export function profileScreen(root) {
  const name = el('input', { id: 'profile-name', maxlength: '200', autocomplete: 'name', 'aria-describedby': 'name-error' });
  const zone = el('select', { id: 'profile-zone', 'aria-describedby': 'timeZone-error' });
  const language = el('select', { id: 'profile-language', 'aria-describedby': 'language-error' },
    ...['', 'en', 'de'].map((l) => el('option', { value: l }, t('profile.language.' + (l || 'browser')))));
  const email = el('p', { id: 'profile-email' });
  const picture = el('img', { id: 'profile-picture', alt: t('profile.picture.alt'), width: '96', height: '96', hidden: true });
  const file = el('input', {
    type: 'file', id: 'picture-file', accept: 'image/png,image/jpeg,image/gif', 'aria-describedby': 'picture-error',
  });
  const remove = button(t('profile.picture.remove'), () => removePicture(picture, remove),
    { className: 'secondary', id: 'picture-remove', hidden: true });
  file.addEventListener('change', () => uploadPicture(file, picture, remove));
  const form = el('form', { id: 'profile-form', novalidate: '' },
    email,
    el('div', { className: 'picture-row' }, picture, el('div', {},
      el('label', { for: 'picture-file' }, t('profile.picture')), file,
      el('p', { id: 'picture-error', className: 'field-error' }), remove)),
    el('label', { for: 'profile-name' }, t('profile.name')), name, el('p', { id: 'name-error', className: 'field-error' }),
    el('label', { for: 'profile-zone' }, t('profile.zone')), zone, el('p', { id: 'timeZone-error', className: 'field-error' }),
    el('label', { for: 'profile-language' }, t('profile.language')), language,
    el('p', { id: 'language-error', className: 'field-error' }),
    el('div', { className: 'row' }, el('button', { type: 'submit', id: 'profile-save' }, t('profile.save')),
      button(t('profile.password'), () => startSignIn(false, { kc_action: 'UPDATE_PASSWORD' }),
        { className: 'secondary', id: 'change-password' })));
  const exports = el('ul', { className: 'meetings', id: 'exports', 'aria-labelledby': 'privacy-title' });
  const calendars = el('ul', { className: 'meetings', id: 'calendars', 'aria-labelledby': 'calendars-title' });
  root.append(el('h1', {}, t('profile.title')), form,
    el('h2', { id: 'calendars-title' }, t('calendars.title')), el('p', {}, t('calendars.what')), calendars,
    el('h2', { id: 'privacy-title' }, t('privacy.title')), el('p', {}, t('privacy.what')),
    el('div', { className: 'row' }, button(t('privacy.export'), () => exportMine(exports), { id: 'export-mine' })), exports);

  api('GET', '/api/users/profile').then((me) => {
    email.textContent = t('profile.email', { email: me.email });
    drawPicture(me, picture, remove);
    name.value = me.name;
    language.value = me.language || '';
    language.dataset.saved = language.value; // what the pages speak now
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const chosen = me.timeZone || ownZone;
    zone.replaceChildren(...(zones.includes(chosen) ? zones : [chosen, ...zones]).map((z) => el('option', { value: z }, z.replace(/_/g, ' '))));
    zone.value = chosen;
  }).catch((e) => status(t('problem', { reason: e.message })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    form.querySelectorAll('.field-error').forEach((x) => { x.textContent = ''; });
    try {
      const before = language.dataset.saved || '';
      const me = await api('PUT', '/api/users/profile', { name: name.value, timeZone: zone.value, language: language.value });
      document.getElementById('who').textContent = me.name;
      if ((me.language || '') !== before) {
        location.reload(); // the pages speak the chosen language from now on
        return;
      }
      status(t('profile.saved'));
    } catch (err) {
      for (const { field, message } of (err.problem && err.problem.errors) || []) {
        const spot = form.querySelector(`#${CSS.escape(field)}-error`);
        if (spot) spot.textContent = message;
      }
      if (!((err.problem && err.problem.errors) || []).length) status(t('problem', { reason: err.message }));
    }
  });
  follow(exports);
  drawCalendars(calendars);
  const back = new URLSearchParams(location.search); // back from a provider's consent screen
  if (back.has('calendar')) {
    status(t('calendars.result.' + back.get('calendar'), { provider: t('calendars.' + (back.get('provider') || 'GOOGLE')) }));
    history.replaceState(null, '', location.pathname);
  }
}

function drawPicture(me, picture, remove) {
  showPicture(picture, me.profilePictureUrl);
  showPicture(document.getElementById('who-picture'), me.profilePictureUrl);
  remove.hidden = !me.profilePictureUrl;
}

/** The chosen file as it is (PNG, JPEG or GIF); the server keeps a small square of it. */
async function uploadPicture(file, picture, remove) {
  const chosen = file.files[0];
  const error = document.getElementById('picture-error');
  error.textContent = '';
  if (!chosen) return;
  const response = await fetch('/api/users/profile/picture', {
    method: 'PUT',
    headers: { 'Content-Type': chosen.type || 'application/octet-stream', Authorization: 'Bearer ' + session.token },
    body: chosen,
  });
  const answer = await response.json().catch(() => ({}));
  file.value = '';
  if (!response.ok) {
    const field = (answer.errors || []).find((x) => x.field === 'picture');
    error.textContent = field ? field.message
      : response.status === 415 ? t('profile.picture.kinds') : (answer.detail || answer.title || response.statusText);
    return;
  }
  drawPicture(answer, picture, remove);
  status(t('profile.picture.saved'));
}

async function removePicture(picture, remove) {
  try {
    drawPicture(await api('DELETE', '/api/users/profile/picture'), picture, remove);
    status(t('profile.picture.removed'));
  } catch (e) {
    status(t('problem', { reason: e.message }));
  }
}

/** One's Google and Outlook connections, each with "Connect" (the provider's consent screen) or "Disconnect". */
async function drawCalendars(list) {
  let mine = [];
  try {
    mine = (await api('GET', '/api/integrations')).filter((c) => !c.organisation);
  } catch (e) {
    status(t('problem', { reason: e.message }));
  }
  list.replaceChildren(...['GOOGLE', 'MICROSOFT'].map((provider) => {
    const c = mine.find((x) => x.provider === provider);
    const name = t('calendars.' + provider);
    const facts = c ? t('calendars.since', { when: new Date(c.connectedAt).toLocaleString() })
      + (c.lastError ? ' · ' + t('calendars.failing', { error: c.lastError }) : '') : t('calendars.not-connected');
    const action = c
      ? button(t('calendars.disconnect'), async () => {
        if (!await ask(t('calendars.disconnect-ask', { provider: name }), t('calendars.disconnect'), t('dialog.keep'))) return;
        try {
          await api('POST', '/api/integrations/third-party', { provider, action: 'DISCONNECT' });
          status(t('calendars.disconnected', { provider: name }));
          drawCalendars(list);
        } catch (e) {
          status(t('problem', { reason: e.message }));
        }
      }, { className: 'danger', id: 'disconnect-' + provider.toLowerCase() })
      : button(t('calendars.connect', { provider: name }), async () => {
        try {
          location.assign((await api('POST', `/api/integrations/calendars/${provider}/authorize`)).consentUrl);
        } catch (e) {
          status(t('problem', { reason: e.message }));
        }
      }, { id: 'connect-' + provider.toLowerCase() });
    return el('li', { className: 'meeting', 'data-provider': provider },
      el('div', { className: 'what' }, el('div', {}, name), el('div', { className: 'facts' }, facts)), action);
  }));
}

async function exportMine(exports) {
  try {
    await api('POST', '/api/privacy/exports', {});
    status(t('privacy.asked'));
    follow(exports);
  } catch (e) {
    status(t('problem', { reason: e.message }));
  }
}

/** Draws one's exports, and again each second while one is being made. */
async function follow(exports) {
  let list;
  try {
    list = await api('GET', '/api/privacy/exports');
  } catch (e) {
    return;
  }
  exports.replaceChildren(...list.map((x) => {
    const item = el('li', { className: 'meeting', 'data-export-id': x.id },
      el('div', { className: 'what' }, t('privacy.asked-at', { when: new Date(x.requestedAt).toLocaleString() }),
        el('div', { className: 'facts' }, t('privacy.state.' + x.state, { error: x.error || '' }))),
      el('progress', { max: '100', value: String(x.progress), 'aria-label': t('privacy.progress') }));
    const gone = x.expiresAt && new Date(x.expiresAt) < new Date();
    if (x.state === 'DONE' && !gone) item.append(button(t('privacy.download'), () => download(x), { className: 'download' }));
    return item;
  }));
  if (!list.length) exports.append(el('li', {}, t('privacy.none')));
  if (exports.isConnected && list.some((x) => x.state === 'QUEUED' || x.state === 'RUNNING')) setTimeout(() => follow(exports), 1000);
}

/** The ZIP through the API (it needs the bearer token), handed to the browser as a file. */
async function download(x) {
  const response = await fetch(`/api/privacy/exports/${x.id}/download`, {
    headers: { Authorization: 'Bearer ' + session.token },
  });
  if (!response.ok) {
    status(t('problem', { reason: response.statusText }));
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: `convene-data-${x.requestedAt.slice(0, 10)}.zip` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
