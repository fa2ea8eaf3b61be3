// Every employee's Convene (docs/home.md): signs in with Keycloak (sign-in.js, shared with the join
// page), then shows one screen at a time under /home; everything goes through the API.

import { el } from '/join-assets/dom.js';
import { useLanguage } from '/join-assets/messages.js';
import { backFromKeycloak, finishSignIn, session, signOut, startSignIn, whenSignInEnds } from '/join-assets/sign-in.js';
import { inboxScreen, listenForNotifications } from './inbox.js';
import { meetingScreen, meetingsScreen } from './meetings.js';
import { profileScreen } from './profile.js';
import { recordingsScreen } from './recordings.js';
import { editScreen, scheduleScreen } from './schedule.js';
import { t } from './words.js';

const $ = (id) => document.getElementById(id);

/** The screens by the path's second part: /home, /home/schedule, /home/meetings/{id}, /home/edit/{id}, ... */
const screens = {
  '': meetingsScreen,
  schedule: scheduleScreen,
  meetings: meetingScreen,
  edit: editScreen,
  inbox: inboxScreen,
  recordings: recordingsScreen,
  profile: profileScreen,
};

/** Calls the API as the signed-in person; a refusal throws an Error carrying the problem body. */
export async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((json && (json.detail || json.title)) || response.statusText);
    error.problem = json || {};
    error.status = response.status;
    throw error;
  }
  return json;
}

/**
 * Shows a person's picture (a URL of the API's: fetched with the bearer token, since an image
 * element cannot send it; or an https URL of their own) in an image element, or hides the element.
 */
export async function showPicture(img, url) {
  if (img.dataset.objectUrl) URL.revokeObjectURL(img.dataset.objectUrl);
  delete img.dataset.objectUrl;
  if (!url || !url.startsWith('/api/')) {
    img.hidden = true;
    img.removeAttribute('src');
    return;
  }
  const response = await fetch(url, { headers: { Authorization: 'Bearer ' + session.token } });
  if (!response.ok) {
    img.hidden = true;
    return;
  }
  img.dataset.objectUrl = URL.createObjectURL(await response.blob());
  img.src = img.dataset.objectUrl;
  img.hidden = false;
}

/** What the person may do beyond taking part: realm roles from the token. */
export function mayHost() {
  const roles = session.claims.groups || [];
  return roles.includes('host') || roles.includes('admin');
}

/** Says something where screen readers announce it (a result, or a refusal). */
export function status(text) {
  $('status').textContent = text;
}

/** Goes to another screen of the home page without loading the page again. */
export function go(path) {
  history.pushState(null, '', path);
  show();
}

function show() {
  const [name = '', id] = location.pathname.split('/').slice(2);
  const screen = screens[name] || meetingsScreen;
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.screen === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const root = $('screen');
  root.replaceChildren();
  status('');
  screen(root, { id });
  const heading = root.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

function translate() {
  document.documentElement.lang = t('lang');
  document.querySelectorAll('[data-text]').forEach((e) => { e.textContent = t(e.dataset.text); });
}

async function arrive() {
  translate();
  const back = backFromKeycloak();
  if (!back) return startSignIn(false); // signed in to Keycloak already: back at once, without a click
  const outcome = await finishSignIn(back);
  if (outcome.error) {
    $('screen').replaceChildren(el('h1', {}, t('home.sign-in-needed')),
      el('p', { className: 'problem' }, t('home.' + outcome.error, { reason: outcome.reason })),
      Object.assign(el('button', { type: 'button', id: 'sign-in' }, t('home.sign-in')), { onclick: () => startSignIn(false) }));
    return;
  }
  try { // their profile's language, over the browser's; their picture beside their name
    const me = await api('GET', '/api/users/profile');
    useLanguage(me.language);
    translate();
    showPicture($('who-picture'), me.profilePictureUrl);
  } catch (e) {
    // the browser's language, then
  }
  $('who').textContent = outcome.claims.name || outcome.claims.email;
  $('nav').hidden = false;
  $('nav-schedule').hidden = !mayHost();
  $('sign-out').hidden = false;
  $('sign-out').onclick = () => signOut(location.origin + '/home');
  $('nav').addEventListener('click', (e) => {
    const link = e.target.closest('a');
    if (!link) return;
    e.preventDefault();
    go(link.getAttribute('href'));
  });
  document.querySelector('header .brand').addEventListener('click', (e) => { e.preventDefault(); go('/home'); });
  window.addEventListener('popstate', show);
  whenSignInEnds(() => status(t('home.sign-in-ended')));
  listenForNotifications();
  show();
}

arrive();
