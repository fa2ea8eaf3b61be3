// Employees sign in with Keycloak: authorization code with PKCE, the code in the fragment. The join
// page and the home page share this; the tokens stay in this module's memory, never in storage.

const keycloak = (() => {
  const meta = document.querySelector('meta[name="convene-sign-in"]');
  return { issuer: meta.dataset.issuer, client: meta.dataset.client };
})();

/** The signed-in person: the access token for the API and what it says of them (empty until signed in). */
export const session = { token: null, claims: null };

let refreshToken = null;
let refreshTimer = null;
let ended = () => {};

/** Called when Keycloak will not refresh the sign-in any more (its session ended). */
export function whenSignInEnds(callback) {
  ended = callback;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This page's address without the fragment: where Keycloak sends the browser back. */
export function here() {
  return location.origin + location.pathname + location.search;
}

/**
 * To Keycloak and back with a code (PKCE). {@code silent}: only asks whether the browser is signed
 * in already ({@code prompt=none}); anyone who is not comes back at once with an error. {@code extra}:
 * more parameters of the authorization request.
 */
export async function startSignIn(silent = false, extra = {}) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const nonce = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('convene.sign-in', JSON.stringify({ verifier, state: nonce, silent }));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const ask = {
    client_id: keycloak.client, response_type: 'code', response_mode: 'fragment', scope: 'openid',
    redirect_uri: here(), state: nonce, code_challenge: challenge, code_challenge_method: 'S256',
  };
  if (silent) ask.prompt = 'none';
  Object.assign(ask, extra); // e.g. kc_action=UPDATE_PASSWORD: one of Keycloak's own flows, then back
  location.assign(`${keycloak.issuer}/protocol/openid-connect/auth?` + new URLSearchParams(ask));
}

/** Whether this address came back from Keycloak (a code or an error in the fragment). */
export function backFromKeycloak() {
  const back = new URLSearchParams(location.hash.slice(1));
  return back.has('code') || back.has('error') ? back : null;
}

/** Whether Keycloak can be reached at all (else the browser would be sent to an error page): three seconds at most. */
export async function keycloakAnswers() {
  try {
    await fetch(`${keycloak.issuer}/.well-known/openid-configuration`, { mode: 'no-cors', signal: AbortSignal.timeout(3000) });
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * Back from Keycloak: the code is exchanged here, checked against what this tab started. Answers
 * {@code {claims}} when signed in, else {@code {error, reason, silent}}: {@code not-signed-in}
 * (Keycloak said no; {@code silent} when only asked), {@code foreign-sign-in}, {@code refused-sign-in}.
 */
export async function finishSignIn(back) {
  history.replaceState(null, '', here()); // the code leaves the address bar
  const attempt = JSON.parse(sessionStorage.getItem('convene.sign-in') || 'null');
  sessionStorage.removeItem('convene.sign-in');
  if (back.has('error')) return { error: 'not-signed-in', reason: back.get('error'), silent: !!(attempt && attempt.silent) };
  if (!attempt || attempt.state !== back.get('state')) return { error: 'foreign-sign-in' };
  const tokens = await tokenRequest({ grant_type: 'authorization_code', code: back.get('code'), redirect_uri: here(), code_verifier: attempt.verifier });
  return tokens ? { claims: session.claims } : { error: 'refused-sign-in' };
}

async function tokenRequest(form) {
  const r = await fetch(`${keycloak.issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: keycloak.client, ...form }),
  });
  if (!r.ok) return null;
  const tokens = await r.json();
  session.token = tokens.access_token;
  session.claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(
    atob(tokens.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))));
  refreshToken = tokens.refresh_token;
  clearTimeout(refreshTimer); // fresh a little before it expires, for as long as Keycloak's session lasts
  refreshTimer = setTimeout(() => tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken })
    .then((fresh) => { if (!fresh) ended(); }), Math.max(5, tokens.expires_in - 30) * 1000);
  return tokens;
}

/** Ends Keycloak's session too, and comes back to {@code back} (an address of this page). */
export function signOut(back) {
  const ask = { client_id: keycloak.client, post_logout_redirect_uri: back };
  location.assign(`${keycloak.issuer}/protocol/openid-connect/logout?` + new URLSearchParams(ask));
}
