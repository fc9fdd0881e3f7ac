import { ErrorResponse, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/**
 * JWT mode's sign-in at the organisation's OpenID Connect provider, through oidc-client-ts as a public
 * client (authorization code with PKCE). The user (access and refresh token) is kept in this tab's
 * sessionStorage, oidc-client-ts's default user store: a reload finds it, no other origin or tab reads it,
 * and it is gone with the tab. The access token is renewed with the refresh token before it expires, so
 * no hidden iframe at the provider is needed (browsers drop the provider's cookies in a third-party
 * iframe anyway). A tab that holds no user yet asks the provider once, with `prompt=none`, whether the
 * browser is signed in there: a second tab or a link from an email opens signed in without a click.
 */

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

/** Where the user was going, carried through the provider and back. */
interface Journey {
  returnTo: string;
  silent: boolean;
}

export class SignInFailure extends Error {}

/** Set once this tab has asked the provider silently: an answer "not signed in there" must not loop. */
const ASKED_SILENTLY = 'tdkt.asked-provider';
/** The provider's answers to `prompt=none` that only mean "sign in by hand". */
const NEEDS_INTERACTION = new Set(['login_required', 'interaction_required', 'consent_required', 'account_selection_required']);

/** The app's root: the one redirect URI to register at the provider, whatever page the user started on. */
export const redirectUri = () => `${window.location.origin}/`;
const here = () => window.location.pathname + window.location.search;

let manager: UserManager | undefined;
let resumed: Promise<string | null> | undefined;

function managerFor(settings: OidcSettings): UserManager {
  manager ??= new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: settings.scope,
    response_type: 'code',
    automaticSilentRenew: true,
    // The PKCE verifier and state stay with the tab that asked (the library would put them in localStorage).
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  return manager;
}

/** Sends the browser to the provider's sign-in page; it comes back to redirectUri() with a code. */
export async function startSignIn(settings: OidcSettings): Promise<void> {
  const journey: Journey = { returnTo: here(), silent: false };
  await managerFor(settings).signinRedirect({ state: journey });
}

/** Every new access token (sign-in, renewal) as it arrives; null once the user is gone. */
export function onAccessToken(settings: OidcSettings, handler: (token: string | null) => void): () => void {
  const events = managerFor(settings).events;
  const loaded = events.addUserLoaded((user) => handler(user.access_token));
  const unloaded = events.addUserUnloaded(() => handler(null));
  return () => {
    loaded();
    unloaded();
  };
}

/** Forgets the user in this tab (the provider's own session is the provider's to end). */
export async function endSession(settings: OidcSettings): Promise<void> {
  await managerFor(settings).removeUser();
}

const failure = (error: unknown) =>
  error instanceof ErrorResponse
    ? new SignInFailure(error.error_description ?? error.error ?? 'error')
    : new SignInFailure(error instanceof Error ? error.message : String(error));

async function finishReturn(userManager: UserManager, url: string): Promise<User | null> {
  try {
    const user = await userManager.signinRedirectCallback(url);
    window.history.replaceState(null, '', (user.state as Journey | undefined)?.returnTo ?? '/');
    return user;
  } catch (error) {
    const journey = error instanceof ErrorResponse ? (error.state as Journey | undefined) : undefined;
    window.history.replaceState(null, '', journey?.returnTo ?? '/');
    if (journey?.silent && error instanceof ErrorResponse && NEEDS_INTERACTION.has(error.error ?? '')) return null;
    throw failure(error);
  }
}

/** The stored user's access token, renewed first when it has expired while the tab slept. */
async function storedToken(userManager: UserManager): Promise<string | null> {
  const user = await userManager.getUser();
  if (!user) return null;
  if (!user.expired) return user.access_token;
  const renewed = await userManager.signinSilent().catch(() => null);
  if (!renewed) await userManager.removeUser();
  return renewed?.access_token ?? null;
}

async function resume(settings: OidcSettings): Promise<string | null> {
  const userManager = managerFor(settings);
  const params = new URLSearchParams(window.location.search);
  if (window.location.pathname === '/' && params.has('state') && (params.has('code') || params.has('error'))) {
    const url = window.location.href;
    // The code leaves the address bar before anything else runs: a second look finds none to redeem.
    window.history.replaceState(null, '', '/');
    return (await finishReturn(userManager, url))?.access_token ?? null;
  }
  const token = await storedToken(userManager);
  if (token || sessionStorage.getItem(ASKED_SILENTLY)) return token;
  sessionStorage.setItem(ASKED_SILENTLY, 'yes');
  const journey: Journey = { returnTo: here(), silent: true };
  await userManager.signinRedirect({ prompt: 'none', state: journey });
  // The browser is leaving for the provider: nothing to show meanwhile.
  return new Promise<never>(() => undefined);
}

/**
 * On page load: the access token of a sign-in that comes back from the provider (the address then
 * names the page the user started from), of the user this tab already holds, or null when nobody is
 * signed in. Once per page load, however often it is asked.
 */
export function resumeSession(settings: OidcSettings): Promise<string | null> {
  resumed ??= resume(settings);
  return resumed;
}
