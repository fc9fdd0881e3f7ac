import { createHash, randomUUID } from 'node:crypto';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startMotoServer, type MotoServer } from '../libs/devtools/moto-server';
import { samplePdf } from '../libs/devtools/sample-documents';
import { scopedRequestId } from '../libs/domain/command-fingerprint';
import { decideUpdate } from '../libs/domain/nomination-messages';
import { S3DocumentStore } from '../libs/documents/s3-document-store';
import { Harness } from './support/harness';
import { PROJECT_ROOT } from './setup/paths';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const HOUR = 3_600_000;

interface DocumentBody {
  id: string;
  type: string;
  fileName: string;
  sha256: string;
  version: number;
  current: boolean;
}

/** The bytes of a document's download. */
const download = (sut: Harness, username: string, id: string) => sut.download(username, `/api/documents/${id}/content`);

describe('a nomination carries its dossier', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start({ DOCUMENT_MAX_BYTES: '100000' });
  });
  afterAll(() => sut.close());

  const storedFiles = async () => (await readdir(sut.config.DOCUMENT_STORE).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));

  it('names the document types and what each award requires', async () => {
    const types = await sut.get('u1.clerk', '/api/document-types');
    expect(types.status).toBe(200);
    expect(types.body).toEqual(expect.arrayContaining([{ code: 'TO_TRINH', name: 'Tờ trình' }, expect.objectContaining({ code: 'XAC_NHAN_SANG_KIEN' })]));
    const awards = await sut.get('u1.clerk', '/api/awards');
    expect(awards.body).toContainEqual(
      expect.objectContaining({
        code: 'CSTD_CO_SO',
        requiredDocuments: ['TO_TRINH', 'BAO_CAO_THANH_TICH', 'BIEN_BAN_HOP', 'XAC_NHAN_SANG_KIEN'],
        optionalDocuments: ['KHAC'],
      }),
    );
  });

  it('uploads the required documents and submits with them', async () => {
    const pdf = samplePdf('To trinh');
    const upload = await sut.upload('u1.clerk', 'TO_TRINH', pdf);
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({
      type: 'TO_TRINH',
      fileName: 'TO_TRINH.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      uploadedBy: 'u1.clerk',
    });
    const others = [(await sut.upload('u1.clerk', 'BAO_CAO_THANH_TICH')).body.id, (await sut.upload('u1.clerk', 'BIEN_BAN_HOP')).body.id];

    const created = await sut.submit('u1.clerk', { documents: [upload.body.id, ...others] });

    expect(created.dossier).toEqual({ complete: true, missing: [] });
    expect((created.documents as DocumentBody[]).map((d) => [d.type, d.version, d.current])).toEqual([
      ['TO_TRINH', 1, true],
      ['BAO_CAO_THANH_TICH', 1, true],
      ['BIEN_BAN_HOP', 1, true],
    ]);
    const bytes = await download(sut, 'u1.clerk', upload.body.id);
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(bytes.body as Buffer, pdf)).toBe(0);
  });

  it('refuses a submission missing a required document with 422 naming it, and attaches nothing', async () => {
    const ids = [(await sut.upload('u1.clerk', 'TO_TRINH')).body.id, (await sut.upload('u1.clerk', 'BAO_CAO_THANH_TICH')).body.id];

    const res = await sut.post('u1.clerk', '/api/nominations', {
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2026.',
      declarations: { rating: 'HTXS', initiatives: ['Số hóa hồ sơ thi đua'] },
      documents: ids,
    });

    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('DOSSIER_INCOMPLETE');
    expect(res.body.error.details).toEqual([{ path: 'BIEN_BAN_HOP', message: 'Thiếu biên bản họp' }]);
    expect(res.body.error.message).toContain('Biên bản họp');
    expect(await sut.prisma.document.count({ where: { id: { in: ids }, nominationId: null } })).toBe(2);
  });

  it('refuses another clerk’s upload and an upload already attached', async () => {
    const foreign = (await sut.upload('u2.clerk', 'BIEN_BAN_HOP')).body.id;
    const ids = [(await sut.upload('u1.clerk', 'TO_TRINH')).body.id, (await sut.upload('u1.clerk', 'BAO_CAO_THANH_TICH')).body.id, foreign];

    const res = await sut.post('u1.clerk', '/api/nominations', {
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2026.',
      declarations: { rating: 'HTXS', initiatives: ['Số hóa hồ sơ thi đua'] },
      documents: ids,
    });

    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'documents.2' })]);

    const attached = ((await sut.submit('u1.clerk')).documents as DocumentBody[])[0]!.id;
    const again = await sut.submit('u1.clerk', { documents: [attached] }).catch((error: Error) => error.message);
    expect(again).toMatch(/^submit failed: 400 .*documents\.0/);
  });

  it('judges a file by its bytes: a disguised executable named .pdf, or a PDF named .png, is 415 and stored nowhere', async () => {
    const before = { rows: await sut.prisma.document.count(), files: (await storedFiles()).length };
    const executable = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 0x41)]);

    const disguised = await sut.upload('u1.clerk', 'TO_TRINH', executable, 'To trinh.pdf');
    const misnamed = await sut.upload('u1.clerk', 'TO_TRINH', samplePdf('x'), 'anh.png');

    for (const res of [disguised, misnamed]) {
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect({ rows: await sut.prisma.document.count(), files: (await storedFiles()).length }).toEqual(before);
  });

  it('refuses an oversized file with 413 and an empty one with 400, storing nothing', async () => {
    const before = { rows: await sut.prisma.document.count(), files: (await storedFiles()).length };
    const oversized = Buffer.concat([samplePdf('big'), Buffer.alloc(150_000, 0x20)]);

    const big = await sut.upload('u1.clerk', 'TO_TRINH', oversized);
    const empty = await sut.upload('u1.clerk', 'TO_TRINH', Buffer.alloc(0));

    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    expect({ rows: await sut.prisma.document.count(), files: (await storedFiles()).length }).toEqual(before);
  });

  it('lets the route’s reviewers, the unit and admins download; another unit’s clerk and an unrelated reviewer get 404', async () => {
    const created = await sut.submit('u1.clerk');
    const [first] = created.documents as DocumentBody[];
    const unattached = (await sut.upload('u1.clerk', 'KHAC')).body.id;

    for (const username of ['u1.clerk', 'u1.head', 'dept-a.reviewer', 'so.council', 'city.board', 'admin']) {
      expect([username, (await download(sut, username, first!.id)).status]).toEqual([username, 200]);
    }
    for (const username of ['u2.clerk', 'dept-b.reviewer', 'u3.head']) {
      const res = await sut.get(username, `/api/documents/${first!.id}/content`);
      expect([username, res.status, res.body.error?.code]).toEqual([username, 404, 'NOT_FOUND']);
    }
    // An upload not yet attached is its uploader's alone; a guessed id is as absent as a real one.
    expect((await download(sut, 'u1.clerk', unattached)).status).toBe(200);
    expect((await sut.get('admin', `/api/documents/${unattached}/content`)).status).toBe(404);
    expect((await sut.get('u1.clerk', `/api/documents/${randomUUID()}/content`)).status).toBe(404);
  });

  it('keeps a Vietnamese file name for display and sends it back intact, without the path it came with', async () => {
    const name = 'Tờ trình đề nghị khen thưởng – Nguyễn Thị Lan.pdf';
    const decomposed = `../../etc/${name.normalize('NFD')}`;

    const upload = await sut.upload('u1.clerk', 'TO_TRINH', samplePdf('vi'), decomposed);

    expect(upload.status).toBe(201);
    expect(upload.body.fileName).toBe(name);
    const res = await download(sut, 'u1.clerk', upload.body.id);
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; /);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    expect(decodeURIComponent(encoded!)).toBe(name);
  });

  it('returned, resubmitted with a new version: both listed, the new one current, the old one still readable', async () => {
    const created = await sut.submit('u1.clerk');
    const oldMinutes = (created.documents as DocumentBody[]).find((d) => d.type === 'BIEN_BAN_HOP')!;
    const returned = await sut.decide('u1.head', created.id, { level: 'UNIT', decision: 'RETURN', comment: 'Thiếu chữ ký trong biên bản họp' });
    expect(returned.body.status).toBe('RETURNED');

    const fresh = samplePdf('Bien ban hop co chu ky');
    const upload = await sut.upload('u1.clerk', 'BIEN_BAN_HOP', fresh, 'Biên bản họp (bổ sung).pdf');
    const resubmitted = await sut.post('u1.clerk', `/api/nominations/${created.id}/resubmit`, {
      comment: 'Đã bổ sung biên bản có chữ ký',
      documents: [upload.body.id],
    });

    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe('IN_REVIEW');
    const minutes = (resubmitted.body.documents as DocumentBody[]).filter((d) => d.type === 'BIEN_BAN_HOP');
    expect(minutes.map((d) => [d.id, d.version, d.current])).toEqual([
      [oldMinutes.id, 1, false],
      [upload.body.id, 2, true],
    ]);
    expect(resubmitted.body.dossier).toEqual({ complete: true, missing: [] });
    expect((await download(sut, 'u1.head', oldMinutes.id)).status).toBe(200);
  });

  it('records on each decision the hashes of the document versions the reviewer had', async () => {
    const created = await sut.submit('u1.clerk');
    const atSubmission = (created.documents as DocumentBody[]).map((d) => ({ id: d.id, sha256: d.sha256 }));

    const unit = await sut.decide('u1.head', created.id, { level: 'UNIT', decision: 'APPROVE' });
    // The department adds a paper of its own before it decides.
    const added = await sut.upload('dept-a.reviewer', 'KHAC', samplePdf('y kien phong'), 'Ý kiến của phòng.pdf', `/api/nominations/${created.id}/documents`);
    expect(added.status).toBe(201);
    const department = await sut.decide('dept-a.reviewer', created.id, { level: 'DEPARTMENT', decision: 'APPROVE' });

    expect(unit.body.decisions[0].documents).toEqual(atSubmission);
    expect(department.body.decisions[1].documents).toEqual([...atSubmission, { id: added.body.id, sha256: added.body.sha256 }]);
    const rows = await sut.prisma.decision.findMany({ where: { nominationId: created.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.documents)).toEqual([atSubmission, [...atSubmission, { id: added.body.id, sha256: added.body.sha256 }]]);
  });

  it('answers a decision retried after a document was added with its first result, as the API and as the workflow', async () => {
    const created = await sut.submit('u1.clerk');
    const atSubmission = (created.documents as DocumentBody[]).map((d) => ({ id: d.id, sha256: d.sha256 }));
    const requestId = randomUUID();
    const first = await sut.decide('u1.head', created.id, { level: 'UNIT', decision: 'APPROVE', requestId });
    expect(first.status).toBe(200);
    const added = await sut.upload('dept-a.reviewer', 'KHAC', samplePdf('y kien phong'), 'Ý kiến của phòng.pdf', `/api/nominations/${created.id}/documents`);
    expect(added.status).toBe(201);

    // The response was lost; the reviewer's client sends the same request again.
    const retried = await sut.decide('u1.head', created.id, { level: 'UNIT', decision: 'APPROVE', requestId });
    expect(retried.status).toBe(200);
    expect(retried.body.decisions).toEqual(first.body.decisions);
    expect(retried.body.decisions[0].documents).toEqual(atSubmission);
    // The same reached the workflow under another update id (the first answer lost in flight): it joins too.
    const now = [...atSubmission, { id: added.body.id, sha256: added.body.sha256 }];
    const state = await sut.temporal.workflow.getHandle(created.workflowId).executeUpdate(decideUpdate, {
      args: [{ level: 'UNIT', decision: 'APPROVE', requestId: scopedRequestId('u1.head', requestId), reviewer: 'u1.head', onBehalfOf: null, documents: now }],
      updateId: randomUUID(),
    });
    expect(state.decisions).toHaveLength(1);
    // Another command under the same request id is still refused.
    const other = await sut.decide('u1.head', created.id, { level: 'UNIT', decision: 'REJECT', ground: 'CRITERIA_NOT_MET', comment: 'Chưa đạt', requestId });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('lets only the current level’s reviewer, or the clerk while returned, add a document', async () => {
    const created = await sut.submit('u1.clerk');
    const path = `/api/nominations/${created.id}/documents`;

    expect((await sut.upload('dept-a.reviewer', 'KHAC', undefined, undefined, path)).status).toBe(403);
    expect((await sut.upload('u1.clerk', 'KHAC', undefined, undefined, path)).status).toBe(409);
    expect((await sut.upload('u2.head', 'KHAC', undefined, undefined, path)).status).toBe(404);
    expect((await sut.upload('u1.head', 'KHAC', undefined, undefined, path)).status).toBe(201);
  });

  it('sweeps uploads never attached once DOCUMENT_ORPHAN_TTL has passed, and files no row points to', async () => {
    const created = await sut.submit('u1.clerk');
    const orphan = (await sut.upload('u1.clerk', 'KHAC')).body.id;
    const stray = randomUUID();
    await writeFile(join(sut.config.DOCUMENT_STORE, stray), samplePdf('stray'));
    const old = new Date(Date.now() - 25 * HOUR);
    await utimes(join(sut.config.DOCUMENT_STORE, stray), old, old);

    const early = await sut.sweeper.sweep(new Date(Date.now() + HOUR));
    expect(early.orphans).toBe(0);
    expect(await storedFiles()).toEqual(expect.arrayContaining([orphan]));
    expect(early.strays).toBe(1);

    const late = await sut.sweeper.sweep(new Date(Date.now() + 25 * HOUR));
    expect(late.orphans).toBeGreaterThanOrEqual(1);
    expect(await sut.prisma.document.findUnique({ where: { id: orphan } })).toBeNull();
    const files = await storedFiles();
    expect(files).not.toContain(orphan);
    expect(files).not.toContain(stray);
    // What a nomination holds stays, however old.
    for (const d of created.documents as DocumentBody[]) expect(files).toContain(d.id);
  });
});

describe('the S3 document store, against a real S3-compatible server (moto)', () => {
  let moto: MotoServer;
  let sut: Harness;
  const bucket = `tdkt-${Date.now()}`;
  beforeAll(async () => {
    moto = await startMotoServer(PROJECT_ROOT);
    sut = await Harness.start({ DOCUMENT_STORE: `s3://${bucket}`, S3_ENDPOINT: moto.endpoint, S3_ACCESS_KEY_ID: 'test', S3_SECRET_ACCESS_KEY: 'testtesttest' });
  }, 300_000);
  afterAll(async () => {
    await sut?.close();
    await moto?.stop();
  });

  it('stores, serves, lists and deletes through the bucket', async () => {
    const created = await sut.submit('u1.clerk');
    const [first] = created.documents as DocumentBody[];

    const res = await download(sut, 'dept-a.reviewer', first!.id);
    expect(res.status).toBe(200);
    expect(sha256(res.body as Buffer)).toBe(first!.sha256);

    const store = new S3DocumentStore({
      bucket,
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'testtesttest' },
    });
    // Each body is read to its end: one left unread is cut by close() and its 'aborted' error fails the test at random.
    const stored = async (key: string) => {
      const body = await store.get(key);
      return body ? sha256(Buffer.concat((await body.toArray()) as Buffer[])) : null;
    };
    const keys: string[] = [];
    for await (const object of store.list()) keys.push(object.key);
    expect(keys).toEqual(expect.arrayContaining((created.documents as DocumentBody[]).map((d) => d.id)));

    const orphan = (await sut.upload('u1.clerk', 'KHAC')).body;
    expect(await stored(orphan.id)).toBe(orphan.sha256);
    await sut.sweeper.sweep(new Date(Date.now() + 25 * HOUR));
    expect(await stored(orphan.id)).toBeNull();
    expect(await stored(first!.id)).toBe(first!.sha256);
    store.close();
  });
});
