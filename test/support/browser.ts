import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../setup/paths';
import type { Harness } from './harness';

/** Screenshots of the main pages, kept after the run (gitignored with the rest of .data/). */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, '.data', 'test-output', 'web');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/**
 * What the callbacks run inside the page use of the browser's globals: the tests are compiled
 * without the DOM library, and a callback is sent to the page as source, so it may not close over
 * anything of ours (it reads `globalThis` there).
 */
export interface InPage {
  document: { documentElement: { scrollWidth: number }; activeElement: unknown };
  history: { pushState(state: null, title: string, url: string): void };
  dispatchEvent(event: unknown): void;
  PopStateEvent: new (type: string) => unknown;
  axe?: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
}

/** Builds the web app into dist/web (the API serves it from there), before the harness creates the API. */
export function buildWebApp(): void {
  execFileSync(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'error'],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** Debian's Chromium, installed by the project's own script when the machine has none. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'ensure-chromium.mjs')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  // Tests run as root in CI containers, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** The harness's API on a real port: the browser needs a URL, not supertest. */
export async function listen(sut: Harness): Promise<string> {
  await sut.app.listen(0, '127.0.0.1');
  const { port } = sut.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Tài khoản').selectOption(username);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

/** In-app navigation, as a click on a link would do: quicker than a reload, which would load the app anew. */
export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    const w = globalThis as unknown as InPage;
    w.history.pushState(null, '', to);
    w.dispatchEvent(new w.PopStateEvent('popstate'));
  }, path);
}

const axeSource = readFileSync(join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.x A/AA rules on the page as it is now; the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as an inline <script> the app's Content-Security-Policy refuses.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const w = globalThis as unknown as InPage;
    const result = await w.axe!.run(w.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page at desktop and phone width, each saved as a PNG; the viewport is left at desktop. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-360.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-desktop.png`), fullPage: true });
}
