import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface OidcProviderSettings {
  port: number;
  clientId: string;
  redirectUri: string;
  audience: string;
  apiScope: string;
}

/** test/support/oidc-provider.mjs (a real OpenID Connect provider) in its own process, once it listens. */
export function startOidcProvider(settings: OidcProviderSettings): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_PORT: String(settings.port),
      OIDC_CLIENT_ID: settings.clientId,
      OIDC_REDIRECT_URI: settings.redirectUri,
      OIDC_AUDIENCE: settings.audience,
      OIDC_API_SCOPE: settings.apiScope,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the OpenID Connect provider exited with ${code}`)));
  });
}

/**
 * What the web app does, without a browser: the authorization code flow with PKCE at the provider, its
 * development login and consent forms filled in as the user would, and the code exchanged for the tokens.
 * Returns the access token the provider issues for the API.
 */
export async function signInAtProvider(
  issuer: string,
  { clientId, redirectUri, scope }: { clientId: string; redirectUri: string; scope: string },
  username: string,
): Promise<string> {
  const cookies = new Map<string, string>();
  const visit = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(new URL(url, issuer), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  const submit = (path: string, fields: Record<string, string>) =>
    visit(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  const locationOf = (response: Response) => {
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} without a redirect`);
    return location;
  };

  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const authorize = new URL('/auth', issuer);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  let location = locationOf(await visit(authorize.href));
  // The provider asks for the login, then for the consent, each at an interaction of its own.
  for (const prompt of ['login', 'consent']) {
    if (!location.includes('/interaction/')) break;
    const form = await visit(location);
    if (!form.ok) throw new Error(`the ${prompt} form answered ${form.status}`);
    const fields: Record<string, string> = prompt === 'login' ? { prompt, login: username, password: 'any' } : { prompt };
    location = locationOf(await visit(locationOf(await submit(location, fields))));
  }
  const back = new URL(location);
  if (back.origin + back.pathname !== redirectUri || back.searchParams.get('state') !== state) throw new Error(`unexpected return to ${location}`);

  const token = await fetch(new URL('/token', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code')!,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    }),
  });
  const body = (await token.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`the token endpoint answered ${token.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}
