/**
 * JWT mode's sign-in at the organisation's OpenID Connect provider, as a public client: the
 * authorization code flow with PKCE (S256). The access token it returns is the API's bearer token
 * and stays in memory (client.ts); only the verifier and state cross the redirect, in
 * sessionStorage, and are removed on the way back.
 */

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

interface ProviderMetadata {
  authorization_endpoint: string;
  token_endpoint: string;
}

interface Pending {
  verifier: string;
  state: string;
  returnTo: string;
}

const PENDING_KEY = 'tdkt.sign-in';

export class SignInFailure extends Error {}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
/** The app's root: the one redirect URI to register at the provider, whatever page the user started on. */
export const redirectUri = () => `${window.location.origin}/`;

async function discover(issuer: string): Promise<ProviderMetadata> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new SignInFailure(`discovery answered ${response.status}`);
  return (await response.json()) as ProviderMetadata;
}

/** Sends the browser to the provider's sign-in page; it comes back to redirectUri() with a code. */
export async function startSignIn(settings: OidcSettings): Promise<void> {
  const provider = await discover(settings.issuer);
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const pending: Pending = { verifier, state, returnTo: window.location.pathname + window.location.search };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: settings.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })) {
    url.searchParams.set(name, value);
  }
  window.location.assign(url);
}

/**
 * On the way back from the provider: the code exchanged for the access token, and the page the user
 * started from. Null when this page load is no such return. The code leaves the address bar first.
 */
export async function finishSignIn(settings: OidcSettings): Promise<{ token: string; returnTo: string } | null> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (window.location.pathname !== '/' || (!code && !error)) return null;
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = stored ? (JSON.parse(stored) as Pending) : null;
  window.history.replaceState(null, '', pending?.returnTo ?? '/');
  if (error) throw new SignInFailure(params.get('error_description') ?? error);
  // A code this tab did not ask for (or asked for in another tab) is never redeemed.
  if (!pending || params.get('state') !== pending.state) throw new SignInFailure('state mismatch');
  const provider = await discover(settings.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code!,
      redirect_uri: redirectUri(),
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error_description?: string; error?: string };
  if (!response.ok || !body.access_token) throw new SignInFailure(body.error_description ?? body.error ?? `token endpoint answered ${response.status}`);
  return { token: body.access_token, returnTo: pending.returnTo };
}
