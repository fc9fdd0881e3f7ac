import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { buildWebApp, DESKTOP, type InPage, go, launchChromium, listen, PHONE, screenshots, seriousViolations, signIn } from './support/browser';
import { Harness } from './support/harness';

/**
 * The web app in Debian's Chromium against the real stack: the API serving the built app, a worker,
 * the Temporal dev server and the database. Everything a user does goes through the page; the API
 * is read back to check that the page said what really happened.
 */
describe('web app', () => {
  let sut: Harness;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** The dossier endpoints are built on another branch; until they are served, the form sends no files. */
  let dossiers = false;

  beforeAll(async () => {
    buildWebApp();
    // A short unit deadline makes a nomination overdue (stuck) within the test.
    // Each kept as soon as it is up, so that afterAll closes the harness even when Chromium failed to start.
    const started = await Promise.allSettled([Harness.start({ DEADLINE_UNIT: '3s' }).then((h) => (sut = h)), launchChromium().then((b) => (browser = b))]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    base = await listen(sut);
    dossiers = (await request(sut.app.getHttpServer()).post('/api/documents')).status !== 404;
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sut?.close();
  });

  const signedIn = new Map<string, Page>();

  /** One browser context per user, signed in once and reused by later steps. */
  async function pageFor(username: string): Promise<Page> {
    const existing = signedIn.get(username);
    if (existing) return existing;
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, base, username);
    signedIn.set(username, page);
    return page;
  }

  const accessible = async (page: Page, name: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, name);
    await page.setViewportSize(PHONE);
    // Nothing wider than a phone's screen: no sideways scrolling at 360 px.
    expect(await page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);
  };

  /** Waits for the success message; a failure announced instead fails the test with the API's words. */
  const announced = async (page: Page, text: string) => {
    const alert = page.getByRole('alert');
    // Both waits settle on their own (a timeout is an outcome), so the loser never rejects unhandled.
    const outcome = await Promise.race([
      page
        .getByRole('status')
        .getByText(text)
        .waitFor()
        .then(
          () => 'done',
          () => 'timeout',
        ),
      alert
        .filter({ hasText: /./ })
        .waitFor()
        .then(
          () => 'alert',
          () => 'timeout',
        ),
    ]);
    if (outcome === 'alert') throw new Error(`alert instead of "${text}": ${await alert.textContent()}`);
    if (outcome === 'timeout') throw new Error(`"${text}" was never announced`);
  };

  const statusOf = (page: Page) => page.getByTestId('status');
  const apiStatus = async (id: string) =>
    (await sut.get('admin', `/api/nominations/${id}`)).body as {
      status: string;
      currentLevel: string | null;
      decisions: { level: string; decision: string; reviewer: string; comment: string | null }[];
    };

  it('serves the app at / with a fallback for its paths, and keeps /api answering as before', async () => {
    const http = request(sut.app.getHttpServer());
    const index = await http.get('/').expect(200);
    expect(index.text).toContain('<div id="root">');
    expect((await http.get('/ho-so/anything').expect(200)).text).toContain('<div id="root">');
    expect((await http.get('/api/no-such-route').expect(404)).body.error.code).toBe('NOT_FOUND');
  });

  let nominationId = '';

  it('a clerk creates a nomination: field errors next to the fields, focus on the first, then it is submitted', async () => {
    const clerk = await pageFor('u1.clerk');
    await expect(clerk.getByText('Nguyễn Thị Hồng').isVisible()).resolves.toBe(true);
    await clerk.getByRole('heading', { level: 1, name: 'Hồ sơ của đơn vị', exact: true }).waitFor();
    await accessible(clerk, 'unit-nominations');
    await clerk.getByRole('button', { name: 'Tạo hồ sơ đề nghị', exact: true }).click();
    // A collective is named, not given a position; an award for individuals only offers no collective.
    await clerk.getByLabel('Danh hiệu, hình thức khen thưởng', { exact: true }).selectOption('GIAY_KHEN_GIAM_DOC_SO');
    await clerk.getByRole('radio', { name: 'Tập thể', exact: true }).check();
    await clerk.getByLabel('Tên tập thể', { exact: true }).waitFor();
    expect(await clerk.getByLabel('Chức vụ', { exact: true }).count()).toBe(0);
    await clerk.getByLabel('Danh hiệu, hình thức khen thưởng', { exact: true }).selectOption('LAO_DONG_TIEN_TIEN');
    expect(await clerk.getByRole('radio', { name: 'Tập thể', exact: true }).isDisabled()).toBe(true);
    await clerk.getByLabel('Thành tích', { exact: true }).fill('Quá ngắn');
    await clerk.getByRole('button', { name: 'Gửi hồ sơ', exact: true }).click();

    const name = clerk.getByLabel('Họ và tên', { exact: true });
    await clerk.locator('#name-error').waitFor();
    expect(await name.getAttribute('aria-describedby')).toBe('name-error');
    expect(await clerk.getByLabel('Thành tích', { exact: true }).getAttribute('aria-describedby')).toBe('achievements-error');
    expect(await name.evaluate((el) => el === (globalThis as unknown as InPage).document.activeElement)).toBe(true);
    expect(await clerk.getByRole('alert').textContent()).not.toBe('');
    await accessible(clerk, 'create-nomination-errors');

    await name.fill('Trần Thị Bích Ngọc');
    await clerk.getByLabel('Chức vụ', { exact: true }).fill('Chuyên viên chính');
    await clerk.getByLabel('Thành tích', { exact: true }).fill('Hoàn thành xuất sắc nhiệm vụ năm, chủ trì số hóa quy trình cấp phép của trung tâm.');
    await clerk.getByLabel('Xếp loại', { exact: true }).selectOption({ label: 'Hoàn thành xuất sắc nhiệm vụ' });
    await clerk.getByLabel('Sáng kiến', { exact: true }).fill('Số hóa quy trình cấp phép\nBản đồ cụm công nghiệp');
    if (dossiers) {
      for (const type of ['Tờ trình', 'Biên bản họp']) {
        await clerk
          .getByLabel(type, { exact: true })
          .setInputFiles({ name: `${type}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
      }
    }
    await clerk.getByRole('button', { name: 'Gửi hồ sơ', exact: true }).click();
    await clerk.getByRole('heading', { level: 1, name: 'Trần Thị Bích Ngọc', exact: true }).waitFor();
    nominationId = clerk.url().split('/').pop()!;
    expect(await statusOf(clerk).textContent()).toBe('Đang xét duyệt');
    for (const section of ['Thông tin đề nghị', 'Điều kiện', 'Hồ sơ đính kèm', 'Quá trình xét duyệt']) {
      await clerk.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    expect(await clerk.getByRole('heading', { level: 1 }).count()).toBe(1);

    const created = await apiStatus(nominationId);
    expect(created).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'UNIT' });
  });

  it('the unit head approves from the inbox; the department returns it with a comment; the clerk resubmits', async () => {
    const head = await pageFor('u1.head');
    await head.getByRole('heading', { level: 1, name: 'Hộp việc', exact: true }).waitFor();
    await accessible(head, 'inbox');
    await head.getByRole('link', { name: 'Trần Thị Bích Ngọc', exact: true }).click();
    await head.getByRole('heading', { level: 1, name: 'Trần Thị Bích Ngọc', exact: true }).waitFor();
    await accessible(head, 'nomination');
    await head.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await announced(head, 'Đã ghi nhận: Đồng ý (cấp Đơn vị).');
    expect((await apiStatus(nominationId)).currentLevel).toBe('DEPARTMENT');

    const dept = await pageFor('dept-a.reviewer');
    await dept.getByRole('link', { name: 'Trần Thị Bích Ngọc', exact: true }).click();
    // By keyboard: the dialog takes focus, Escape closes it and gives focus back to its button.
    const returnButton = dept.getByRole('button', { name: 'Trả lại', exact: true });
    await returnButton.focus();
    await dept.keyboard.press('Enter');
    const dialog = dept.getByRole('dialog');
    await dialog.getByLabel('Ý kiến', { exact: true }).waitFor();
    expect(await dialog.evaluate((el) => el.contains((globalThis as unknown as InPage).document.activeElement as never))).toBe(true);
    await dept.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await returnButton.evaluate((el) => el === (globalThis as unknown as InPage).document.activeElement)).toBe(true);
    await dept.keyboard.press('Enter');
    await dialog.getByLabel('Ý kiến', { exact: true }).waitFor();
    // The comment is required: confirming without it leaves the dialog open.
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    expect(await dialog.isVisible()).toBe(true);
    await accessible(dept, 'return-dialog');
    await dialog.getByLabel('Ý kiến', { exact: true }).fill('Bổ sung bản xác nhận sáng kiến của hội đồng cơ sở.');
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await statusOf(dept).getByText('Trả lại để bổ sung').waitFor();
    expect(await apiStatus(nominationId)).toMatchObject({ status: 'RETURNED' });

    const clerk = await pageFor('u1.clerk');
    await statusOf(clerk).getByText('Trả lại để bổ sung').waitFor({ timeout: 10_000 });
    await clerk.getByText('Bổ sung bản xác nhận sáng kiến của hội đồng cơ sở.').waitFor();
    await clerk.getByRole('button', { name: 'Bổ sung và gửi lại', exact: true }).click();
    await clerk.getByLabel('Nội dung bổ sung', { exact: true }).fill('Đã bổ sung bản xác nhận sáng kiến.');
    await accessible(clerk, 'resubmit');
    await clerk.getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await statusOf(clerk).getByText('Đang xét duyệt').waitFor();
    expect(await apiStatus(nominationId)).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'DEPARTMENT' });
  });

  it('the department and the Sở approve; a decision that lost a race says so and shows the new state', async () => {
    const dept = await pageFor('dept-a.reviewer');
    await dept.getByRole('button', { name: 'Đồng ý', exact: true }).waitFor({ timeout: 10_000 });
    await dept.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await announced(dept, 'Đã ghi nhận: Đồng ý (cấp Phòng).');
    expect((await apiStatus(nominationId)).currentLevel).toBe('SO');

    const so = await pageFor('so.council');
    await so.getByRole('link', { name: 'Trần Thị Bích Ngọc', exact: true }).click();
    await so.getByRole('button', { name: 'Đồng ý', exact: true }).waitFor();
    // The same level decided elsewhere (another tab, a deputy) while this page still offers the buttons.
    expect((await sut.decide('so.council', nominationId, { level: 'SO', decision: 'APPROVE' })).status).toBe(200);
    await so.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await so.getByRole('alert').getByText('Hồ sơ đã được người khác xử lý').waitFor();
    await statusOf(so).getByText('Đã phê duyệt').waitFor();
    expect(await so.getByRole('button', { name: 'Đồng ý', exact: true }).count()).toBe(0);
    await accessible(so, 'nomination-approved');

    const final = await apiStatus(nominationId);
    expect(final.status).toBe('APPROVED');
    expect(final.decisions.map((d) => `${d.level}:${d.decision}`)).toEqual(['UNIT:APPROVE', 'DEPARTMENT:RETURN', 'DEPARTMENT:APPROVE', 'SO:APPROVE']);
  });

  it('a reviewer refuses with a ground and a comment; a clerk withdraws with a reason', async () => {
    const refused = await sut.submit('u1.clerk', {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Vũ Văn Từ Chối' },
      declarations: { rating: 'HTT' },
      requestId: randomUUID(),
    });
    const head = await pageFor('u1.head');
    await go(head, `/ho-so/${refused.id}`);
    await head.getByRole('button', { name: 'Không đồng ý', exact: true }).click();
    const dialog = head.getByRole('dialog');
    await dialog.getByLabel('Lý do', { exact: true }).selectOption({ label: 'Sai đối tượng' });
    await dialog.getByLabel('Ý kiến', { exact: true }).fill('Người được đề nghị không thuộc biên chế của đơn vị.');
    await accessible(head, 'reject-dialog');
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await statusOf(head).getByText('Không phê duyệt').waitFor();
    await head.getByText('Lý do: Sai đối tượng').waitFor();
    expect((await sut.get('admin', `/api/nominations/${refused.id}`)).body).toMatchObject({
      status: 'REJECTED',
      decisions: [{ decision: 'REJECT', ground: 'WRONG_SUBJECT' }],
    });

    const withdrawn = await sut.submit('u1.clerk', {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Đào Thị Rút' },
      declarations: { rating: 'HTT' },
      requestId: randomUUID(),
    });
    const clerk = await pageFor('u1.clerk');
    await go(clerk, `/ho-so/${withdrawn.id}`);
    await clerk.getByRole('button', { name: 'Rút hồ sơ', exact: true }).click();
    await clerk.getByRole('dialog').getByLabel('Lý do rút', { exact: true }).fill('Cá nhân chuyển công tác.');
    await clerk.getByRole('dialog').getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await announced(clerk, 'Đã rút hồ sơ.');
    await statusOf(clerk).getByText('Đã rút').waitFor();
    expect(await clerk.getByRole('button', { name: 'Rút hồ sơ', exact: true }).count()).toBe(0);
    expect((await sut.get('admin', `/api/nominations/${withdrawn.id}`)).body).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('a council member votes in secret; the chair closes the ballot and sees the tally', async () => {
    // A CSTĐ cơ sở is decided at the Sở by its council; the nominee holds LĐTT for 2026 in the seed.
    const { id } = await sut.submit('u1.clerk', {
      awardCode: 'CSTD_CO_SO',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Phạm Minh Tuấn' },
      requestId: randomUUID(),
    });
    expect((await sut.decide('u1.head', id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    expect((await sut.decide('dept-a.reviewer', id, { level: 'DEPARTMENT', decision: 'APPROVE' })).status).toBe(200);

    const member = await pageFor('so.member1');
    await member.getByRole('heading', { level: 1, name: 'Hộp việc', exact: true }).waitFor();
    await member.getByRole('link', { name: 'Phạm Minh Tuấn', exact: true }).click();
    await member.getByRole('button', { name: 'Tán thành', exact: true }).waitFor();
    expect(await member.getByRole('button', { name: 'Đồng ý', exact: true }).count()).toBe(0);
    expect(await member.getByRole('button', { name: 'Kết thúc bỏ phiếu', exact: true }).count()).toBe(0);
    await accessible(member, 'council-vote');
    await member.getByRole('button', { name: 'Tán thành', exact: true }).click();
    await member.getByText('Đã bỏ phiếu', { exact: true }).waitFor();
    expect(await member.getByRole('button', { name: 'Tán thành', exact: true }).count()).toBe(0);
    for (const other of ['so.member2', 'so.member3', 'so.member4']) {
      expect((await sut.post(other, `/api/nominations/${id}/votes`, { vote: 'FOR', requestId: randomUUID() })).status).toBe(200);
    }
    // Nobody's vote is shown before the close, not even the count of each side.
    expect(await member.getByText(/tán thành, \d+ không tán thành/).count()).toBe(0);

    const chair = await pageFor('so.council');
    await go(chair, `/ho-so/${id}`);
    await chair.getByRole('button', { name: 'Kết thúc bỏ phiếu', exact: true }).click();
    await announced(chair, 'Đã kết thúc bỏ phiếu');
    await statusOf(chair).getByText('Đã phê duyệt').waitFor();
    await chair.getByText('Kết quả bỏ phiếu: 4 tán thành, 0 không tán thành, trên 5 thành viên').waitFor();
    const closed = (await sut.get('admin', `/api/nominations/${id}`)).body as { status: string; decisions: { tally?: { for: number } }[] };
    expect(closed.status).toBe('APPROVED');
    expect(closed.decisions[2]!.tally).toMatchObject({ for: 4, against: 0, membersTotal: 5 });
    // The award and its quota place belong to this test only: the council tests count the same unit's year.
    await sut.prisma.awardHistory.deleteMany({ where: { nominationId: id } });
    await sut.prisma.quotaClaim.deleteMany({ where: { nominationId: id } });
  });

  it('the inbox shows a nomination arriving elsewhere within 10 s, without a reload', async () => {
    const dept = await pageFor('dept-a.reviewer');
    await go(dept, '/hop-viec');
    await dept.getByRole('heading', { level: 1, name: 'Hộp việc', exact: true }).waitFor();
    const fullName = `Lê Văn Sống ${randomUUID().slice(0, 4)}`;
    const { id } = await sut.submit('u2.clerk', {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      nominee: { kind: 'INDIVIDUAL', fullName },
      declarations: { rating: 'HTXS' },
      requestId: randomUUID(),
    });
    expect((await sut.decide('u2.head', id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    const started = Date.now();
    await dept.getByRole('link', { name: fullName }).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    // And it leaves again when decided elsewhere.
    expect((await sut.decide('dept-a.reviewer', id, { level: 'DEPARTMENT', decision: 'APPROVE' })).status).toBe(200);
    await dept.getByRole('link', { name: fullName }).waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('an admin extends an overdue nomination’s deadline from the stuck view', async () => {
    const { id } = await sut.submit('u3.clerk', {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Phan Thị Chậm' },
      declarations: { rating: 'HTT' },
      requestId: randomUUID(),
    });
    await sut.waitForRow(id, (row) => row.overdue);
    const head = await pageFor('u3.head');
    await head.getByRole('row').filter({ hasText: 'Phan Thị Chậm' }).getByText('Quá hạn').waitFor({ timeout: 10_000 });
    const admin = await pageFor('admin');
    await admin.getByRole('link', { name: 'Hồ sơ bị chậm', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Hồ sơ bị chậm', exact: true }).waitFor();
    const item = admin.getByRole('listitem').filter({ has: admin.locator(`a[href="/ho-so/${id}"]`) });
    await item.getByRole('link', { name: 'Mở trong Temporal', exact: true }).waitFor({ timeout: 10_000 });
    await accessible(admin, 'stuck');
    await item.getByRole('button', { name: 'Gia hạn', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Hạn mới', { exact: true }).fill('2099-03-15');
    await dialog.getByLabel('Lý do', { exact: true }).fill('Đơn vị xin thêm thời gian xác minh.');
    await accessible(admin, 'extend-dialog');
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await announced(admin, 'Đã gia hạn đến 15/03/2099');
    const after = (await sut.get('admin', `/api/nominations/${id}`)).body as { dueAt: string; overdue: boolean };
    expect(after.dueAt).toBe('2099-03-15T16:59:00.000Z');
    await sut.waitForRow(id, (row) => !row.overdue);

    await go(admin, `/ho-so/${id}`);
    await admin.getByText('15/03/2099').waitFor({ timeout: 10_000 });
  });

  it('an admin reassigns a stuck level to another eligible reviewer, who finds it in their inbox and decides it', async () => {
    const fullName = 'Hồ Văn Giao';
    const { id } = await sut.submit('u1.clerk', {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      nominee: { kind: 'INDIVIDUAL', fullName },
      declarations: { rating: 'HTT' },
      requestId: randomUUID(),
    });
    expect((await sut.decide('u1.head', id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    // A deadline already past puts the department's level among the stuck ones at once.
    const past = { dueAt: new Date(Date.now() - 60_000).toISOString(), reason: 'Hạn đã qua', requestId: randomUUID() };
    expect((await sut.post('admin', `/api/admin/nominations/${id}/deadline`, past)).status).toBe(200);
    await sut.waitForRow(id, (row) => row.overdue);

    const admin = await pageFor('admin');
    await go(admin, '/bi-cham');
    const item = admin.getByRole('listitem').filter({ has: admin.locator(`a[href="/ho-so/${id}"]`) });
    await item.getByRole('button', { name: 'Giao cho người khác', exact: true }).click({ timeout: 10_000 });
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Giao cho người khác (cấp Phòng)' }).waitFor();
    // The other department's reviewer does not review this nomination: the API's reason sits next to the field.
    const reviewer = dialog.getByLabel('Người xử lý mới', { exact: true });
    await reviewer.fill('dept-b.reviewer');
    await dialog.getByLabel('Lý do', { exact: true }).fill('Trưởng phòng đi công tác dài ngày.');
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await dialog.locator('#reassign-to-error').getByText('phải là cán bộ của Phòng Quản lý Công nghiệp (DEPT-A)').waitFor();
    expect(await reviewer.getAttribute('aria-describedby')).toBe('reassign-to-error');
    expect(await reviewer.evaluate((el) => el === (globalThis as unknown as InPage).document.activeElement)).toBe(true);
    await accessible(admin, 'reassign-dialog');
    await reviewer.fill('dept-a.deputy');
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await announced(admin, 'Đã giao cấp Phòng cho Lương Văn Tiến.');
    expect(await sut.prisma.levelAssignment.findFirst({ where: { nominationId: id, level: 'DEPARTMENT' } })).toMatchObject({
      reviewer: 'dept-a.deputy',
      reason: 'Trưởng phòng đi công tác dài ngày.',
    });

    // Staff of the department review no level of their own: the reassigned one is what their inbox holds.
    const deputy = await pageFor('dept-a.deputy');
    await deputy.getByRole('heading', { level: 1, name: 'Hộp việc', exact: true }).waitFor();
    await deputy.getByRole('link', { name: fullName, exact: true }).click({ timeout: 10_000 });
    await deputy.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await announced(deputy, 'Đã ghi nhận: Đồng ý (cấp Phòng).');
    const decided = await apiStatus(id);
    expect(decided.currentLevel).toBe('SO');
    expect(decided.decisions[1]).toMatchObject({ level: 'DEPARTMENT', decision: 'APPROVE', reviewer: 'dept-a.deputy' });
  });

  it('an admin keeps the working-day calendar: a typo and a refused day show next to their field, a good year is saved', async () => {
    const admin = await pageFor('admin');
    await admin.getByRole('link', { name: 'Lịch làm việc', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Lịch làm việc', exact: true }).waitFor();
    await admin.getByLabel('Năm', { exact: true }).fill('2030');
    await admin.getByText('Lịch năm 2030 đang tính theo').waitFor();
    const holidays = admin.getByLabel('Ngày nghỉ', { exact: true });
    const computed = await holidays.inputValue();
    // The computed year: New Year's Day (a Tuesday in 2030) is off, shown as dd/MM/yyyy.
    expect(computed.split('\n')).toContain('01/01/2030');
    await accessible(admin, 'calendar');

    const save = admin.getByRole('button', { name: 'Lưu lịch', exact: true });
    await holidays.fill(`${computed}\n31/02/2030`);
    await save.click();
    await admin.locator('#holidays-error').getByText('31/02/2030').waitFor();
    expect(await holidays.getAttribute('aria-describedby')).toBe('holidays-hint holidays-error');
    expect(await holidays.evaluate((el) => el === (globalThis as unknown as InPage).document.activeElement)).toBe(true);
    // 5 January 2030 is a Saturday, off already: the API refuses it in Vietnamese, next to the field.
    await holidays.fill(`${computed}\n05/01/2030`);
    await save.click();
    await admin.locator('#holidays-error').getByText('"2030-01-05" là thứ Bảy hoặc Chủ nhật').waitFor();
    expect(await admin.getByRole('alert').textContent()).not.toBe('');

    await holidays.fill(`${computed}\n14/06/2030`);
    await admin.getByLabel('Ngày làm bù', { exact: true }).fill('15/06/2030');
    await save.click();
    await announced(admin, 'Đã lưu lịch làm việc năm 2030.');
    await admin.getByText('Lịch năm 2030 đã được điều chỉnh.').waitFor();
    const saved = (await sut.get('admin', '/api/admin/calendar/2030')).body as { source: string; holidays: string[]; workingWeekends: string[] };
    expect(saved).toMatchObject({ source: 'loaded', workingWeekends: ['2030-06-15'] });
    expect(saved.holidays).toEqual(expect.arrayContaining(['2030-01-01', '2030-06-14']));
  });

  it('an admin imports award history from a CSV file: a bad file imports nothing and names its line; a good one is found', async () => {
    const admin = await pageFor('admin');
    await admin.getByRole('link', { name: 'Lịch sử khen thưởng', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Lịch sử khen thưởng', exact: true }).waitFor();
    const person = 'Quách Thị Lịch Sử';
    const good = [`${person},U2,LAO_DONG_TIEN_TIEN,2024,QĐ 41/QĐ-SCT`, `${person},U2,LAO_DONG_TIEN_TIEN,2025,QĐ 57/QĐ-SCT`];
    const file = (rows: string[]) => ({
      name: 'lich-su.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['fullName,unitCode,awardCode,year,decisionRef', ...rows].join('\n')),
    });
    const input = admin.getByLabel('Tệp CSV', { exact: true });
    const importButton = admin.getByRole('button', { name: 'Nhập dữ liệu', exact: true });

    await input.setInputFiles(file([...good, `${person},U2,KHONG_CO,2025,QĐ 60/QĐ-SCT`]));
    await importButton.click();
    await admin.getByRole('alert').getByText('Tệp có 1 lỗi; chưa dòng nào được nhập').waitFor();
    await admin.getByRole('list', { name: 'Lỗi trong tệp' }).getByText('Dòng 4: awardCode: "KHONG_CO" không có trong danh mục danh hiệu').waitFor();
    expect(await sut.prisma.awardHistory.count({ where: { fullName: person } })).toBe(0);
    await accessible(admin, 'award-history-errors');

    await input.setInputFiles(file(good));
    await importButton.click();
    await announced(admin, 'Đã nhập 2 dòng.');
    expect(await admin.getByRole('list', { name: 'Lỗi trong tệp' }).count()).toBe(0);
    await admin.getByLabel('Họ và tên', { exact: true }).fill(person);
    await admin.getByLabel('Đơn vị', { exact: true }).selectOption('U2');
    await admin.getByRole('button', { name: 'Tìm', exact: true }).click();
    await admin.getByRole('row').filter({ hasText: 'QĐ 57/QĐ-SCT' }).waitFor();
    expect(await admin.getByRole('row').filter({ hasText: person }).count()).toBe(2);
    await accessible(admin, 'award-history');
    expect(await sut.prisma.awardHistory.count({ where: { fullName: person, unitCode: 'U2' } })).toBe(2);
  });

  it('an admin puts a nominee on hold, which refuses submissions for them, and lifts it', async () => {
    const admin = await pageFor('admin');
    await admin.getByRole('link', { name: 'Tạm hoãn xét khen thưởng', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Tạm hoãn xét khen thưởng', exact: true }).waitFor();
    const person = 'Kiều Văn Tạm Hoãn';
    await admin.getByRole('button', { name: 'Thêm tạm hoãn', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Họ và tên', { exact: true }).fill(person);
    await dialog.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Trung tâm Xúc tiến thương mại' });
    await dialog.getByLabel('Lý do', { exact: true }).fill('Đang bị xem xét kỷ luật.');
    const until = dialog.getByLabel('Đến hết ngày', { exact: true });
    // A hold already over would hold no one: refused next to its field.
    await until.fill('2020-01-01');
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await dialog.locator('#hold-until-error').getByText('phải từ hôm nay trở đi').waitFor();
    expect(await until.getAttribute('aria-describedby')).toBe('hold-until-error');
    await accessible(admin, 'hold-dialog');
    await until.fill('2099-12-31');
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await announced(admin, `Đã tạm hoãn xét khen thưởng cho ${person}.`);
    const row = admin.getByRole('row').filter({ hasText: person });
    await row.getByText('31/12/2099').waitFor();
    await row.getByText('Trung tâm Xúc tiến thương mại').waitFor();
    await accessible(admin, 'holds');

    const submission = {
      awardCode: 'LAO_DONG_TIEN_TIEN',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: person },
      achievements: 'Hoàn thành tốt nhiệm vụ được giao trong năm công tác.',
      declarations: { rating: 'HTT' },
    };
    const refused = await sut.post('u3.clerk', '/api/nominations', {
      ...submission,
      documents: await sut.requiredDocuments('u3.clerk', 'LAO_DONG_TIEN_TIEN'),
      requestId: randomUUID(),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'NOT_ELIGIBLE', details: [expect.objectContaining({ path: 'ON_HOLD' })] });

    await row.getByRole('button', { name: 'Bỏ tạm hoãn', exact: true }).click();
    await announced(admin, `Đã bỏ tạm hoãn cho ${person}.`);
    await row.waitFor({ state: 'detached' });
    expect(((await sut.get('admin', '/api/admin/holds')).body as { items: { fullName: string }[] }).items.map((h) => h.fullName)).not.toContain(person);
  });

  it('an admin reads the audit trail, filters it by action, and checks the chain', async () => {
    const admin = await pageFor('admin');
    await admin.getByRole('link', { name: 'Nhật ký kiểm toán', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Nhật ký kiểm toán', exact: true }).waitFor();
    await admin.getByRole('row').nth(1).waitFor();
    await admin.getByLabel('Hành động', { exact: true }).selectOption({ label: 'Bỏ tạm hoãn' });
    await admin.getByRole('button', { name: 'Lọc', exact: true }).click();
    // The hold lifted in the test before, by the admin, newest first.
    const lifted = admin.getByRole('row').nth(1);
    await lifted.getByText('Bỏ tạm hoãn', { exact: true }).waitFor();
    // The newest event was this one before the filter too: the filter has applied once the holds placed are gone.
    await admin.getByRole('row').filter({ hasText: 'Tạm hoãn xét khen thưởng' }).first().waitFor({ state: 'detached' });
    await lifted.getByText('Xem', { exact: true }).click();
    await lifted.getByText('Kiều Văn Tạm Hoãn').waitFor();

    await admin.getByRole('button', { name: 'Kiểm tra chuỗi', exact: true }).click();
    const { events } = (await sut.get('admin', '/api/admin/audit/verify')).body as { events: number };
    await announced(admin, 'Chuỗi nhật ký nguyên vẹn');
    expect(Number(/(\d+) sự kiện/.exec((await admin.getByRole('status').textContent())!)![1])).toBeLessThanOrEqual(events);
    await accessible(admin, 'audit-trail');
  });

  it('notifications carry the unread count in the link’s name and can be marked read', async () => {
    const clerk = await pageFor('u1.clerk');
    const link = clerk.getByRole('link', { name: /^Thông báo \(\d+\)$/ });
    await link.waitFor({ timeout: 10_000 });
    const before = Number(/\((\d+)\)/.exec((await link.textContent())!)![1]);
    await link.click();
    await clerk.getByRole('heading', { level: 1, name: 'Thông báo', exact: true }).waitFor();
    await accessible(clerk, 'notifications');
    await clerk.getByRole('button', { name: 'Đánh dấu đã đọc', exact: true }).first().click();
    await clerk.getByRole('link', { name: before > 1 ? `Thông báo (${before - 1})` : 'Thông báo' }).waitFor();
  });

  it('campaigns: an admin creates one and finds the result downloads on it; every other page passes axe', async () => {
    const admin = await pageFor('admin');
    await admin.getByRole('link', { name: 'Đợt thi đua', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Đợt thi đua', exact: true }).waitFor();
    await admin.getByRole('button', { name: 'Tạo đợt thi đua', exact: true }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Mã đợt', { exact: true }).fill('WEB-2026');
    await dialog.getByLabel('Tên đợt', { exact: true }).fill('Đợt thi đua thử nghiệm trên web');
    await accessible(admin, 'create-campaign');
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await announced(admin, 'Đã tạo đợt thi đua');
    await admin.getByRole('link', { name: 'Đợt thi đua thử nghiệm trên web', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Đợt thi đua thử nghiệm trên web', exact: true }).waitFor();
    await admin.getByRole('link', { name: 'Tải kết quả (CSV)', exact: true }).waitFor();
    await admin.getByRole('link', { name: 'Tải dự thảo quyết định (PDF)', exact: true }).waitFor();
    const download = admin.waitForEvent('download');
    await admin.getByRole('link', { name: 'Tải kết quả (CSV)', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await accessible(admin, 'campaign');
    await admin.getByRole('link', { name: 'Tất cả hồ sơ', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Tất cả hồ sơ', exact: true }).waitFor();
    await accessible(admin, 'all-nominations');

    const signedOut = await browser.newPage({ viewport: DESKTOP });
    await signedOut.goto(`${base}/hop-viec`);
    await signedOut.getByLabel('Tài khoản', { exact: true }).waitFor();
    await accessible(signedOut, 'sign-in');
    await signedOut.close();
  });

  it('statistics: the year’s figures as a chart and the same numbers as a table, by unit and by level, and the Excel file', async () => {
    const year = new Date().getFullYear();
    const api = (await sut.get('admin', `/api/statistics?year=${year}&by=unit`)).body as {
      rows: { name: string; submitted: number }[];
      total: { submitted: number };
    };
    expect(api.total.submitted).toBeGreaterThan(0);
    const admin = await pageFor('admin');
    await admin.getByRole('link', { name: 'Thống kê', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Thống kê', exact: true }).waitFor();
    expect(await admin.getByLabel('Năm', { exact: true }).inputValue()).toBe(String(year));
    await admin.getByRole('img', { name: `Biểu đồ số hồ sơ năm ${year} theo đơn vị` }).waitFor();
    const table = admin.getByRole('table', { name: `Số liệu năm ${year} theo đơn vị` });
    for (const row of api.rows)
      await table.getByRole('row').filter({ hasText: row.name }).getByRole('cell').first().getByText(String(row.submitted), { exact: true }).waitFor();
    await table.getByRole('row').filter({ hasText: 'Tổng cộng' }).getByRole('cell').first().getByText(String(api.total.submitted), { exact: true }).waitFor();
    await accessible(admin, 'statistics');
    const download = admin.waitForEvent('download');
    await admin.getByRole('link', { name: 'Tải Excel', exact: true }).click();
    expect((await download).suggestedFilename()).toBe(`thong-ke-${year}-unit.xlsx`);
    await admin.getByLabel('Nhóm theo', { exact: true }).selectOption({ label: 'Cấp xét duyệt' });
    await admin.getByRole('img', { name: `Biểu đồ số hồ sơ năm ${year} theo cấp xét duyệt` }).waitFor();
    await admin.getByRole('table', { name: `Số liệu năm ${year} theo cấp xét duyệt` }).waitFor();

    const reviewer = await pageFor('dept-a.reviewer');
    await reviewer.getByRole('link', { name: 'Thống kê', exact: true }).click();
    await reviewer.getByRole('heading', { level: 1, name: 'Thống kê', exact: true }).waitFor();
  });
});
