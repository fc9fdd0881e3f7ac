import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, DESKTOP, type InPage, launchChromium, listen, PHONE, screenshots, seriousViolations, signIn } from './support/browser';
import { Harness } from './support/harness';

/** UI.md "Hộp việc in batches" in Chromium: filter, tick, approve in one batch, read the summary. */
describe('web app: the inbox in batches', () => {
  let sut: Harness;
  let browser: Browser;
  let page: Page;
  const tag = `Lô${randomUUID().slice(0, 6)}`;
  const names = [1, 2, 3].map((i) => `Hồ Thị ${tag} ${i}`);
  const ids: string[] = [];

  beforeAll(async () => {
    buildWebApp();
    const started = await Promise.allSettled([Harness.start().then((h) => (sut = h)), launchChromium().then((b) => (browser = b))]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    const base = await listen(sut);
    for (const fullName of names) ids.push((await sut.submit('u1.clerk', { awardCode: 'LAO_DONG_TIEN_TIEN', nominee: { kind: 'INDIVIDUAL', fullName } })).id);
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
    await signIn(page, base, 'u1.head');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  const rows = () => page.getByRole('row').filter({ hasText: tag });

  it('filters by name and overdue, ticks all, approves them in one batch and names the one it could not decide', async () => {
    await page.getByRole('link', { name: 'Hộp việc', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hộp việc', exact: true }).waitFor();

    await page.getByRole('searchbox', { name: 'Tìm theo tên' }).fill(tag.toLowerCase());
    await page.getByRole('checkbox', { name: `Chọn ${names[2]}`, exact: true }).waitFor();
    await expect(rows().count()).resolves.toBe(3);
    await page.getByLabel('Danh hiệu', { exact: true }).selectOption('BANG_KHEN_UBND_TP');
    await page.getByText('Không có hồ sơ nào.').waitFor();
    await page.getByLabel('Danh hiệu', { exact: true }).selectOption('');
    await page.getByRole('checkbox', { name: 'Chỉ hồ sơ quá hạn', exact: true }).check();
    await page.getByText('Không có hồ sơ nào.').waitFor();
    await page.getByRole('checkbox', { name: 'Chỉ hồ sơ quá hạn', exact: true }).uncheck();
    await page.getByLabel('Đơn vị', { exact: true }).selectOption('U1');
    await page.getByRole('checkbox', { name: `Chọn ${names[0]}`, exact: true }).waitFor();

    await page.getByRole('checkbox', { name: 'Chọn tất cả', exact: true }).check();
    for (const name of names) expect(await page.getByRole('checkbox', { name: `Chọn ${name}`, exact: true }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    // Someone else decides one of them meanwhile: the batch cannot, and says why.
    expect((await sut.decide('u1.head', ids[1]!, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    await page.getByRole('button', { name: 'Đồng ý các hồ sơ đã chọn', exact: true }).click();

    const status = page.getByRole('status');
    await status.getByText('Đã đồng ý 2/3 hồ sơ.').waitFor();
    const summary = await status.textContent();
    expect(summary).toContain(`Không xử lý được 1 hồ sơ: ${names[1]}:`);
    const rows409 = await sut.get('u1.head', `/api/nominations/${ids[1]}`);
    expect(rows409.body.currentLevel).toBe('DEPARTMENT');
    for (const id of [ids[0]!, ids[2]!]) expect((await sut.get('u1.head', `/api/nominations/${id}`)).body).toMatchObject({ currentLevel: 'DEPARTMENT' });
    await page.getByText('Không có hồ sơ nào.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'inbox-batches');
    await page.setViewportSize(PHONE);
    // The filters wrap at a phone's width: no sideways scrolling at 360 px.
    expect(await page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
