import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { OrganisationDocument } from '../libs/domain/organisation-document';
import { PROJECT_ROOT } from './setup/paths';
import { buildWebApp, DESKTOP, type InPage, launchChromium, listen, PHONE, screenshots, seriousViolations, signIn } from './support/browser';
import { Harness } from './support/harness';

const example = (): OrganisationDocument => JSON.parse(readFileSync(join(PROJECT_ROOT, 'deploy', 'organisation.example.json'), 'utf8')) as OrganisationDocument;
const file = (document: unknown) => ({ name: 'to-chuc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });

/** The page "Tổ chức và người dùng" (UI.md "Additions (v2)") in Chromium against the real stack. */
describe('web app: the organisation and its people', () => {
  let sut: Harness;
  let base: string;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let admin: Page;

  beforeAll(async () => {
    buildWebApp();
    const started = await Promise.allSettled([Harness.start().then((h) => (sut = h)), launchChromium().then((b) => (browser = b))]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    base = await listen(sut);
    context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    admin = await context.newPage();
    await signIn(admin, base, 'admin');
  }, 120_000);

  afterAll(async () => {
    // The other files run on the demo organisation as the seed left it.
    if (sut) await putExample(sut);
    await context?.close();
    await browser?.close();
    await sut?.close();
  });

  const accessible = async (name: string) => {
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshots(admin, name);
    await admin.setViewportSize(PHONE);
    expect(await admin.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await admin.setViewportSize(DESKTOP);
  };

  it('shows the tree with names and each unit’s people with their roles; a bad file lists each problem, a good one is imported', async () => {
    await admin.getByRole('link', { name: 'Tổ chức và người dùng', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Tổ chức và người dùng', exact: true }).waitFor();
    const u1 = admin.getByRole('listitem').filter({ hasText: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp (U1)' }).last();
    await u1.getByText('Phạm Quốc Hùng (u1.head): Người xét duyệt').waitFor();
    await admin.getByText('Ngô Thị Thanh Hương (so.council): Người xét duyệt, chủ tịch hội đồng').waitFor();
    await accessible('organisation');

    const input = admin.getByLabel('Nhập tệp tổ chức', { exact: true });
    const importButton = admin.getByRole('button', { name: 'Nhập dữ liệu', exact: true });
    const bad = example();
    bad.orgs.find((o) => o.code === 'U2')!.parentCode = 'SCT';
    bad.users.push({ username: 'x.clerk', displayName: 'Văn thư ở Sở', email: '', role: 'CLERK', orgCode: 'SCT', councilSeat: null });
    await input.setInputFiles(file(bad));
    await importButton.click();
    await admin.getByRole('alert').getByText('Tệp tổ chức có 2 lỗi; chưa có gì được nhập.').waitFor();
    const problems = admin.getByRole('list', { name: 'Lỗi trong tệp' });
    await problems.getByText(/^orgs\[\d+\]\.parentCode: /).waitFor();
    await problems.getByText(/^users\[\d+\]\.role: /).waitFor();
    expect(await problems.getByRole('listitem').count()).toBe(2);
    await accessible('organisation-errors');

    const good = example();
    good.orgs.push({ code: 'U7', name: 'Trung tâm Kiểm định công nghiệp', kind: 'UNIT', parentCode: 'DEPT-B' });
    good.users.push({ username: 'u7.clerk', displayName: 'Trịnh Văn Bảy', email: '', role: 'CLERK', orgCode: 'U7', councilSeat: null });
    await input.setInputFiles(file(good));
    await importButton.click();
    await admin.getByRole('status').getByText(`Đã nhập ${good.orgs.length} tổ chức và ${good.users.length} người dùng.`).waitFor();
    expect(await problems.count()).toBe(0);
    await admin
      .getByRole('listitem')
      .filter({ hasText: 'Trung tâm Kiểm định công nghiệp (U7)' })
      .getByText('Trịnh Văn Bảy (u7.clerk): Văn thư đơn vị')
      .waitFor();
    expect(await sut.prisma.user.findUnique({ where: { username: 'u7.clerk' } })).toMatchObject({ orgCode: 'U7', active: true });
  });
});

async function putExample(sut: Harness): Promise<void> {
  const res = await request(sut.app.getHttpServer())
    .put('/api/admin/organisation')
    .set('Authorization', `Bearer ${await sut.token('admin')}`)
    .send(example());
  if (res.status !== 200) throw new Error(`restoring the demo organisation failed: ${res.status} ${JSON.stringify(res.body)}`);
}
