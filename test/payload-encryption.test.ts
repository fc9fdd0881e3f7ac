import { Client, Connection } from '@temporalio/client';
import { decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../apps/api/app.factory';
import { UNSEALED_METADATA } from '../libs/codec/seal';
import { loadConfig } from '../libs/config/config';
import { createLogger } from '../libs/logging/logger';
import { APPROVERS_U1, Harness } from './support/harness';
import { payloadsIn, readableText } from './support/history-text';
import { TEST_PAYLOAD_KEYS } from './support/payload-keys';

const NAME = 'Phạm Thị Diệu Linh';
const ACHIEVEMENTS = 'Sáng kiến số hóa hồ sơ kho vận mã ZX-4471, tiết kiệm 312 triệu đồng.';
const COMMENT = 'Đồng ý, minh chứng biên bản ngày 17/11 đầy đủ';
const SUMMARY_AWARD = 'Bằng khen';
const UI_ORIGIN = 'http://localhost:8233';
const REFUSED_COMMENT = 'Bà Diệu Linh có đơn thư khiếu nại mã KN-5580';
const OLD_HISTORY = join(__dirname, 'fixtures', 'histories', 'nomination-v4-four-level-approval.json');

type Failure = { message?: string; stackTrace?: string; encodedAttributes?: { metadata: Record<string, string> }; cause?: Failure };

/** Every failure of a history's JSON (activity and local-activity results, update outcomes, workflow task failures), causes included. */
function failuresIn(json: unknown): Failure[] {
  const found: Failure[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object') {
      if ((key === 'failure' || key === 'cause') && 'message' in value) found.push(value as Failure);
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(json);
  return found;
}

describe('Temporal payloads are encrypted', () => {
  let sut: Harness;
  let plain: Client;
  let workflowId: string;
  let historyJson: unknown;

  beforeAll(async () => {
    sut = await Harness.start({ TEMPORAL_UI_URL: UI_ORIGIN });
    plain = new Client({ connection: await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS }) });
    const n = await sut.submit('u1.clerk', { nominee: { kind: 'INDIVIDUAL', fullName: NAME, position: 'Chuyên viên' } });
    workflowId = n.workflowId;
    // Approval, return and resubmission: the comment and the new achievements travel as update arguments.
    const [[unitReviewer, unit], [departmentReviewer, department]] = APPROVERS_U1;
    expect((await sut.decide(unitReviewer, n.id, { level: unit, decision: 'APPROVE', comment: COMMENT })).status).toBe(200);
    expect((await sut.decide(departmentReviewer, n.id, { level: department, decision: 'RETURN', comment: 'Bổ sung biên bản họp' })).status).toBe(200);
    const resubmitted = await sut.post('u1.clerk', `/api/nominations/${n.id}/resubmit`, {
      achievements: ACHIEVEMENTS,
      comment: 'Đã bổ sung',
      requestId: randomUUID(),
    });
    expect(resubmitted.status).toBe(200);
    historyJson = JSON.parse(historyToJSON(await plain.workflow.getHandle(workflowId).fetchHistory()));
  });

  afterAll(async () => {
    await plain?.connection.close();
    await sut?.close();
  });

  it('shows a reader of the history without the key no name, achievement or comment', () => {
    const text = readableText(historyJson);
    for (const secret of [NAME, ACHIEVEMENTS, COMMENT, 'Diệu Linh', 'ZX-4471']) expect(text).not.toContain(secret);
    // The search attributes stay readable: codes only, for filtering in the UI.
    expect(text).toContain('BANG_KHEN_UBND_TP');
    const payloads = payloadsIn(historyJson);
    const encodings = payloads.map((p) => Buffer.from(p.metadata.encoding!, 'base64').toString());
    expect(encodings.filter((e) => e === 'binary/encrypted').length).toBeGreaterThan(5);
    expect(new Set(encodings.filter((e) => e !== 'binary/encrypted'))).toEqual(new Set(['json/plain']));
    // The same reading finds the name in a history recorded before encryption: the check can see plaintext.
    expect(readableText(JSON.parse(readFileSync(OLD_HISTORY, 'utf8')))).toContain('Nguyễn Thị Lan');
  });

  it('keeps failure messages and stack traces out of the history in clear: a database error quoting a comment is encrypted too', async () => {
    const n = await sut.submit('u1.clerk');
    await sut.waitForRow(n.id, (row) => row.version >= 1);
    // A permanent database error (a check violation) whose message quotes the row, as constraint errors do.
    await sut.prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION tdkt_test_quote() RETURNS trigger AS $$
      BEGIN
        IF NEW.nomination_id = '${n.id}' AND NEW.kind = 'DECIDED' THEN
          RAISE EXCEPTION 'audit row refused: %', NEW.data->>'comment' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await sut.prisma.$executeRawUnsafe('CREATE TRIGGER tdkt_test_quote BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION tdkt_test_quote()');
    try {
      const refused = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE', comment: REFUSED_COMMENT });
      expect(refused.status).toBe(500);
    } finally {
      await sut.prisma.$executeRawUnsafe('DROP TRIGGER tdkt_test_quote ON audit_events');
    }

    const history = await plain.workflow.getHandle(n.workflowId).fetchHistory();
    const json = JSON.parse(historyToJSON(history)) as unknown;
    expect(readableText(json)).not.toContain('KN-5580');
    // The commit's failure (raised in the worker) and the refused update's (raised in the workflow sandbox).
    const failures = failuresIn(json);
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const failure of failures) {
      expect(failure.message).toBe('Encoded failure');
      expect(failure.stackTrace ?? '').toBe('');
      expect(Buffer.from(failure.encodedAttributes!.metadata.encoding!, 'base64').toString()).toBe('binary/encrypted');
    }
    // With the key the message is there: the database's, quoting the comment.
    const converter = sut.temporal.workflow.options.loadedDataConverter;
    const messages: string[] = [];
    for (const event of history.events ?? []) {
      const failure = event.markerRecordedEventAttributes?.failure ?? event.workflowExecutionUpdateCompletedEventAttributes?.outcome?.failure;
      const error = await decodeOptionalFailureToOptionalError(converter, failure);
      for (let e: Error | undefined = error; e; e = e.cause as Error | undefined) messages.push(e.message);
    }
    expect(messages.join('\n')).toContain(REFUSED_COMMENT);
  });

  it('hides the summary the Temporal UI shows from a client without the key, and shows it through the codec', async () => {
    const described = await sut.temporal.workflow.getHandle(workflowId).describe();
    expect(await described.staticSummary()).toContain(NAME);
    expect(await described.staticDetails()).toContain(NAME);
    const undecodable = await plain.workflow.getHandle(workflowId).describe();
    await expect(undecodable.staticSummary()).rejects.toThrow();
  });

  it('decodes the whole history through the codec server for an admin', async () => {
    const res = await request(sut.app.getHttpServer())
      .post('/api/temporal-codec/default/decode')
      .set('Authorization', `Bearer ${await sut.token('admin')}`)
      .set('Origin', UI_ORIGIN)
      .send({ payloads: payloadsIn(historyJson) });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    const text = readableText(res.body);
    for (const secret of [NAME, ACHIEVEMENTS, COMMENT, SUMMARY_AWARD]) expect(text).toContain(secret);
  });

  it('refuses a clerk (403) and answers the UI preflight only for its origin', async () => {
    const clerk = await sut.post('u1.clerk', '/api/temporal-codec/default/decode', { payloads: payloadsIn(historyJson) });
    expect(clerk.status).toBe(403);
    expect(clerk.body.error.code).toBe('FORBIDDEN');
    const preflight = await request(sut.app.getHttpServer())
      .options('/api/temporal-codec/default/decode')
      .set('Origin', UI_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-namespace');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Namespace/i);
    const elsewhere = await request(sut.app.getHttpServer()).options('/api/temporal-codec/default/decode').set('Origin', 'https://evil.example');
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the dev server UI in without a token from this machine in dev mode, and knows only its namespace', async () => {
    const payloads = payloadsIn(historyJson).slice(0, 3);
    const anonymous = await request(sut.app.getHttpServer()).post('/api/temporal-codec/default/decode').send({ payloads });
    expect(anonymous.status).toBe(200);
    const other = await request(sut.app.getHttpServer()).post('/api/temporal-codec/other/decode').send({ payloads });
    expect(other.status).toBe(404);
  });

  it('passes unencrypted payloads through, as the older recorded histories hold them, marked unsealed', async () => {
    const old = JSON.parse(readFileSync(OLD_HISTORY, 'utf8')) as unknown;
    const payloads = payloadsIn(old).slice(0, 5);
    const res = await sut.post('admin', '/api/temporal-codec/default/decode', { payloads });
    expect(res.status).toBe(200);
    const unsealed = { [UNSEALED_METADATA]: Buffer.from('true').toString('base64') };
    expect(res.body.payloads).toEqual(payloads.map((p) => ({ metadata: { ...p.metadata, ...unsealed }, data: p.data ?? '' })));
  });

  it('refuses anonymous callers outside dev mode, and decodes for an admin token there', async () => {
    const secret = 'codec-test-shared-secret-0123456789';
    const issuer = 'https://sso.hanoi.gov.vn';
    const audience = 'tdkt-api';
    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      AUTH_MODE: 'jwt',
      AUTH_JWT_SECRET: secret,
      AUTH_JWT_ISSUER: issuer,
      AUTH_JWT_AUDIENCE: audience,
      PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
      TEMPORAL_UI_URL: UI_ORIGIN,
    });
    const app = await createApiApp(config, ['error'], createLogger(config, 'api'));
    await app.init();
    try {
      const payloads = payloadsIn(historyJson).slice(0, 3);
      const anonymous = await request(app.getHttpServer()).post('/api/temporal-codec/default/decode').send({ payloads });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('admin')
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
      const admin = await request(app.getHttpServer()).post('/api/temporal-codec/default/decode').set('Authorization', `Bearer ${token}`).send({ payloads });
      expect(admin.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
