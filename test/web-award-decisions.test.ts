import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { buildWebApp, DESKTOP, go, launchChromium, listen, screenshots, seriousViolations, signIn } from './support/browser';
import { Harness } from './support/harness';

/** The page "Quyết định khen thưởng" in Chromium: draft from an approved nomination, issue, revoke (year 2016, which no other test uses). */
describe('web app: award decisions', () => {
  let sut: Harness;
  let browser: Browser;
  let page: Page;
  const YEAR = 2016;

  beforeAll(async () => {
    buildWebApp();
    const started = await Promise.allSettled([Harness.start().then((h) => (sut = h)), launchChromium().then((b) => (browser = b))]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    const base = await listen(sut);
    const id = randomUUID();
    await sut.prisma.nomination.create({
      data: {
        id,
        awardCode: 'LAO_DONG_TIEN_TIEN',
        catalogueVersion: '2025.1',
        year: YEAR,
        unitCode: 'U1',
        nominee: { kind: 'INDIVIDUAL', fullName: 'Hoàng Thị Mai', position: 'Chuyên viên' },
        achievements: 'Hoàn thành tốt nhiệm vụ được giao.',
        route: ['UNIT', 'DEPARTMENT', 'SO'],
        status: 'APPROVED',
        submittedBy: 'u1.clerk',
        requestId: `web-award-decisions-${id}`,
        workflowId: `nomination-${id}`,
      },
    });
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
    await signIn(page, base, 'admin');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  const dialog = () => page.getByRole('dialog');
  const row = () => page.getByRole('row').filter({ hasText: `năm ${YEAR}` });

  it('drafts, issues and revokes a decision, each from its dialog', async () => {
    await page.getByRole('link', { name: 'Quyết định khen thưởng', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Quyết định khen thưởng' }).waitFor();

    await page.getByRole('button', { name: 'Tạo dự thảo quyết định', exact: true }).click();
    await dialog().getByLabel('Danh hiệu, hình thức', { exact: true }).selectOption('LAO_DONG_TIEN_TIEN');
    await dialog().getByLabel('Năm', { exact: true }).fill(String(YEAR));
    await dialog()
      .getByLabel(/Hoàng Thị Mai/)
      .check();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await row().getByText('Dự thảo', { exact: true }).waitFor();

    await row().getByRole('button', { name: 'Ban hành', exact: true }).click();
    await dialog().getByLabel('Người ký', { exact: true }).fill('Nguyễn Văn Minh, Giám đốc Sở');
    await dialog().getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await row().getByText('Đã ban hành', { exact: true }).waitFor();
    expect(await row().getByRole('rowheader').textContent()).toMatch(/^\d+\/QĐ-SCT$/);
    await row().getByRole('link', { name: 'Tải quyết định (PDF)', exact: true }).waitFor();
    await row().getByRole('link', { name: 'In bằng khen, giấy khen', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'award-decisions');

    const download = page.waitForEvent('download');
    await row().getByRole('link', { name: 'Tải quyết định (PDF)', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/^quyet-dinh-\d+-Q.*\.pdf$/);

    await row().getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await dialog().getByRole('button', { name: 'Xác nhận', exact: true }).click();
    // The reason is required: the dialog stays open without it.
    expect(await dialog().isVisible()).toBe(true);
    await dialog().getByLabel('Lý do', { exact: true }).fill('Phát hiện sai sót trong hồ sơ');
    await dialog().getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await row().getByText('Đã thu hồi', { exact: true }).waitFor();
    await go(page, '/quyet-dinh-khen-thuong');
    expect(await row().getByRole('button', { name: 'Thu hồi', exact: true }).count()).toBe(0);
  }, 90_000);
});
