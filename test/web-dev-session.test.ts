import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildWebApp, DESKTOP, go, launchChromium, listen } from './support/browser';
import { Harness } from './support/harness';

const U1 = 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp';

/** Everything the page keeps in the browser's storage, per store. */
const storage = (page: Page) =>
  page.evaluate(() => {
    type Store = { length: number; key(i: number): string | null };
    const w = globalThis as unknown as { localStorage: Store; sessionStorage: Store };
    const keys = (s: Store) => Array.from({ length: s.length }, (_, i) => s.key(i)!);
    return { local: keys(w.localStorage), session: keys(w.sessionStorage) };
  });

/**
 * Dev mode's sign-in keeps the place (UI.md "Additions (v2)"), in Chromium against the real stack: a deep
 * link leads to its page after the sign-in, a reload keeps the user on it, and the token stays in the tab.
 * On the way, the pages name the unit, not its code.
 */
describe('web app: dev mode sign-in that lasts', () => {
  let sut: Harness;
  let base: string;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    buildWebApp();
    const started = await Promise.allSettled([Harness.start().then((h) => (sut = h)), launchChromium().then((b) => (browser = b))]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    base = await listen(sut);
    context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await sut?.close();
  });

  it('a deep link signs in to its page; a reload stays there signed in; signing out is for good; another tab signs in on its own', async () => {
    // The link a notification email carries: the nomination's page.
    const n = await sut.submit('u1.clerk');
    await sut.waitForRow(n.id, (row) => row.status === 'IN_REVIEW');
    const page = await context!.newPage();
    await page.goto(`${base}/ho-so/${n.id}`);
    await page.getByLabel('Tài khoản').selectOption('u1.head');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nguyễn Thị Lan', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/ho-so/${n.id}`);
    // Names, not codes: the unit as people know it.
    await page.getByRole('definition').filter({ hasText: U1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Nguyễn Thị Lan', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/ho-so/${n.id}`);

    await go(page, '/hop-viec');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Nguyễn Thị Lan' }) })
      .first();
    await row.getByRole('cell', { name: U1, exact: true }).waitFor();

    await go(page, '/don-vi');
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của đơn vị', exact: true }).waitFor();
    await page.getByRole('paragraph').filter({ hasText: U1 }).waitFor();

    await go(page, '/thong-bao');
    await page.getByRole('heading', { level: 1, name: 'Thông báo', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Thông báo', exact: true }).waitFor();
    await page.getByText('Phạm Quốc Hùng').waitFor();
    expect(new URL(page.url()).pathname).toBe('/thong-bao');
    expect(await storage(page)).toEqual({ local: [], session: ['tdkt.dev-token'] });

    // sessionStorage belongs to the tab: a second one asks for the account again, then opens its own page.
    const second = await context!.newPage();
    await second.goto(`${base}/hop-viec`);
    await second.getByLabel('Tài khoản').selectOption('u2.head');
    await second.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await second.getByRole('heading', { level: 1, name: 'Hộp việc', exact: true }).waitFor();
    await second.close();

    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.getByLabel('Tài khoản').waitFor();
    expect(await storage(page)).toEqual({ local: [], session: [] });
    await page.reload();
    await page.getByLabel('Tài khoản').waitFor();
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    await page.close();
  });
});
