import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, DESKTOP, go, type InPage, launchChromium, listen, screenshots, seriousViolations } from './support/browser';
import { Harness } from './support/harness';

const CLIENT_ID = 'tdkt-web';
const AUDIENCE = 'urn:tdkt:api';
const API_SCOPE = 'tdkt';
/** Short enough that the app renews the token (a minute before expiry) while a test watches. */
const ACCESS_TOKEN_TTL = 75;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** test/support/oidc-provider.mjs in its own process, once it listens. */
function startProvider(port: number, redirectUri: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'support', 'oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_PORT: String(port),
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_REDIRECT_URI: redirectUri,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_API_SCOPE: API_SCOPE,
      OIDC_ACCESS_TOKEN_TTL: String(ACCESS_TOKEN_TTL),
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

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

/**
 * JWT mode's sign-in, in Debian's Chromium: the app sends the user to a real OpenID Connect provider
 * (authorization code with PKCE), and the API accepts the access token it brings back, verified
 * against the provider's published keys.
 */
describe('web app sign-in at the organisation’s OpenID Connect provider', () => {
  let sut: Harness;
  let browser: Browser;
  let provider: ChildProcess | undefined;
  let base: string;
  let issuer: string;

  beforeAll(async () => {
    buildWebApp();
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    const started = await Promise.allSettled([
      Harness.start({
        AUTH_MODE: 'jwt',
        AUTH_JWT_ISSUER: issuer,
        AUTH_JWT_AUDIENCE: AUDIENCE,
        AUTH_JWKS_URL: `${issuer}/jwks`,
        AUTH_OIDC_CLIENT_ID: CLIENT_ID,
        AUTH_OIDC_SCOPE: `openid ${API_SCOPE}`,
      }).then((h) => (sut = h)),
      launchChromium().then((b) => (browser = b)),
    ]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    base = await listen(sut);
    provider = await startProvider(port, `${base}/`);
  }, 120_000);

  afterAll(async () => {
    provider?.kill();
    await browser?.close();
    await sut?.close();
  });

  /** The provider's development login (any password), then its consent. */
  async function logInAtProvider(page: Page, username: string) {
    await page.waitForURL((url) => url.href.startsWith(issuer));
    await page.locator('input[name="login"]').fill(username);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  it('tells the app where to sign in; there is no dev sign-in', async () => {
    const settings = await fetch(`${base}/api/auth/sign-in`);
    expect(await settings.json()).toEqual({ mode: 'jwt', oidc: { issuer, clientId: CLIENT_ID, scope: `openid ${API_SCOPE}` } });
    expect((await fetch(`${base}/api/auth/dev-users`)).status).toBe(404);
  });

  it('"Đăng nhập" goes to the provider and comes back on the page the user opened; a reload and a second tab stay signed in; the token is renewed', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const page = await context.newPage();
    const bearers: string[] = [];
    page.on('request', (request) => {
      const authorization = request.headers()['authorization'];
      if (request.url().startsWith(`${base}/api/`) && authorization) bearers.push(authorization);
    });
    await page.goto(`${base}/hop-viec`);
    // Enabled once the tab has asked the provider silently and heard that nobody is signed in there.
    const signIn = page.getByRole('button', { name: 'Đăng nhập', exact: true, disabled: false });
    await signIn.waitFor();
    expect(await page.getByLabel('Tài khoản').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'sign-in-oidc');

    await signIn.click();
    await logInAtProvider(page, 'u1.head');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    await page.getByText('Phạm Quốc Hùng').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Hộp việc', exact: true }).waitFor();
    // Back where the user started, with neither the code nor the state left in the address.
    expect(new URL(page.url()).pathname).toBe('/hop-viec');
    expect(new URL(page.url()).search).toBe('');

    const token = bearers.at(-1)!.replace(/^Bearer /, '');
    expect(claimsOf(token)).toMatchObject({ iss: issuer, aud: AUDIENCE, sub: 'u1.head', client_id: CLIENT_ID });
    // The token is in this tab's sessionStorage (oidc-client-ts's user store), never in localStorage or a cookie.
    const stored = await page.evaluate(() => {
      type Store = { length: number; key(i: number): string | null; getItem(key: string): string | null };
      const w = globalThis as unknown as { localStorage: Store; sessionStorage: Store };
      const all = (s: Store) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`);
      return { local: all(w.localStorage), session: all(w.sessionStorage) };
    });
    expect(stored.local).toEqual([]);
    expect(stored.session.filter((entry) => entry.includes(token))).toHaveLength(1);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).not.toContain(token);

    // A reload keeps the user signed in, on the same page, without a trip to the provider (a renewal may run meanwhile).
    await go(page, '/thong-bao');
    await page.getByRole('heading', { level: 1, name: 'Thông báo', exact: true }).waitFor();
    const provider: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(issuer) && request.isNavigationRequest()) provider.push(request.url());
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Thông báo', exact: true }).waitFor();
    await page.getByText('Phạm Quốc Hùng').waitFor();
    expect(new URL(page.url()).pathname).toBe('/thong-bao');
    expect(provider).toEqual([]);

    // A second tab opens signed in: it asks the provider once, without a prompt, and stays on its page.
    const second = await context.newPage();
    await second.goto(`${base}/dot-thi-dua`);
    await second.getByRole('heading', { level: 1, name: 'Đợt thi đua', exact: true }).waitFor();
    await second.getByText('Phạm Quốc Hùng').waitFor();
    expect(new URL(second.url()).pathname).toBe('/dot-thi-dua');
    expect(new URL(second.url()).search).toBe('');
    await second.close();

    // A minute before the token expires, the app renews it with the refresh token and goes on with the new one.
    const refreshed = await page.waitForRequest(
      (request) => request.url().startsWith(issuer) && request.method() === 'POST' && (request.postData() ?? '').includes('grant_type=refresh_token'),
      { timeout: ACCESS_TOKEN_TTL * 1000 },
    );
    await (await refreshed.response())!.finished();
    await go(page, '/hop-viec');
    await page.getByRole('heading', { level: 1, name: 'Hộp việc', exact: true }).waitFor();
    const renewed = bearers.at(-1)!.replace(/^Bearer /, '');
    expect(renewed).not.toBe(token);
    expect(claimsOf(renewed)).toMatchObject({ iss: issuer, aud: AUDIENCE, sub: 'u1.head' });

    // Signed out, a reload stays signed out; the provider's own session signs the user in again without asking.
    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.reload();
    await signIn.waitFor();
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    await signIn.click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    await page.getByText('Phạm Quốc Hùng').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESKTOP.width);
    await context.close();
  });

  it('a user the organisation does not know is refused, in Vietnamese, and stays signed out', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true, disabled: false }).click();
    await logInAtProvider(page, 'stranger');
    await page.getByRole('alert').getByText('Tài khoản vừa đăng nhập không có trong hệ thống thi đua - khen thưởng').waitFor();
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Đăng nhập', exact: true }).isEnabled()).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    await page.close();
  });
});
