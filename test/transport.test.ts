import { connect, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Browser, BrowserContext } from 'playwright-core';
import { listenApi } from '../apps/api/app.factory';
import { findFreePort } from '../libs/devtools/free-port';
import { buildWebApp, DESKTOP, launchChromium, signIn } from './support/browser';
import { Harness } from './support/harness';

/** Whether something accepts a TCP connection at host:port. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.setTimeout(2000, () => {
      socket.destroy();
      done(false);
    });
  });

/** API.md "Transport and trust": where the API listens, and the headers of what it serves. */
describe('transport: bind address and security headers', () => {
  let sut: Harness;
  let browser: Browser;
  let base: string;
  let port: number;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    buildWebApp();
    const started = await Promise.allSettled([Harness.start().then((h) => (sut = h)), launchChromium().then((b) => (browser = b))]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    // As apps/api/main.ts listens, on the configuration's HOST (unset here, as under npm start).
    await listenApi(sut.app, { ...sut.config, PORT: await findFreePort() });
    port = (sut.app.getHttpServer().address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sut?.close();
  });

  it('listens on 127.0.0.1 only unless HOST opens it', async () => {
    expect(sut.config.HOST).toBe('127.0.0.1');
    expect((sut.app.getHttpServer().address() as AddressInfo).address).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', port)).toBe(true);
    // This machine's other addresses (a CI container has at least its network interface) reach nothing.
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of external) expect([address, await accepts(address, port)]).toEqual([address, false]);
  });

  it('every response carries nosniff; the app’s pages and the API a Content-Security-Policy with frame-ancestors none', async () => {
    const token = await sut.token('u1.clerk');
    const responses = {
      page: await fetch(`${base}/`),
      deepLink: await fetch(`${base}/ho-so/abc`),
      json: await fetch(`${base}/api/nominations`, { headers: { authorization: `Bearer ${token}` } }),
      unauthenticated: await fetch(`${base}/api/nominations`),
      notFound: await fetch(`${base}/api/no-such-route`),
      health: await fetch(`${base}/api/health`),
      docs: await fetch(`${base}/api/docs`),
    };
    for (const [name, res] of Object.entries(responses)) {
      expect([name, res.headers.get('x-content-type-options')]).toEqual([name, 'nosniff']);
      expect([name, res.headers.get('content-security-policy')]).toEqual([name, expect.stringContaining("frame-ancestors 'none'")]);
      expect([name, res.headers.get('x-frame-options')]).toEqual([name, 'DENY']);
    }
    expect(responses.page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = responses.page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe');
    // swagger-ui's inline styles, on its own pages only; its scripts stay files.
    expect(responses.docs.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(responses.docs.headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  it('the web app and the OpenAPI page work under their policy: no violation reported in Chromium', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    await signIn(page, base, 'u1.clerk');
    await page.goto(`${base}/api/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);

    expect(violations).toEqual([]);
  });
});
