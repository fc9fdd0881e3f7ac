import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApiApp } from '../../apps/api/app.factory';
import { createNominationWorker } from '../../apps/worker/nomination-worker';
import { WorkerModule } from '../../apps/worker/worker.module';
import { payloadDataConverter } from '../../libs/codec/data-converter';
import { loadConfig, type AppConfig } from '../../libs/config/config';
import { requiredDocumentTypes, samplePdf } from '../../libs/devtools/sample-documents';
import { OrphanSweeper } from '../../libs/documents/orphan-sweeper';
import { PrismaService } from '../../libs/db/prisma.service';
import { createLogger } from '../../libs/logging/logger';
import { OutboxDispatcher } from '../../libs/outbox/outbox-dispatcher';
import { TEST_PAYLOAD_KEYS } from './payload-keys';

type Body = Record<string, unknown>;

export interface HarnessOptions {
  /** Receives the API's and the activities' log lines, for a test to read back. */
  logDestination?: DestinationStream;
  /** A workflow bundle of the test's own instead of the run's. */
  workflowBundlePath?: string;
}

/**
 * The product as the tests drive it: the real API (over HTTP, in-process), a real worker polling a
 * task queue of its own, both on the Temporal dev server and the database the global setup started.
 */
export class Harness {
  private worker: { worker: Worker; running: Promise<void>; connection: NativeConnection } | null = null;
  private readonly tokens = new Map<string, string>();
  private readonly dossiers = new Map<string, Promise<string[]>>();

  private constructor(
    readonly config: AppConfig,
    readonly app: INestApplication,
    private readonly workerContext: INestApplicationContext,
    readonly temporal: Client,
    private readonly options: HarnessOptions = {},
  ) {}

  static async start(env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
    const config = loadConfig({
      // Request and activity lines at info would drown the test report.
      LOG_LEVEL: 'warn',
      // Emails leave the outbox within a moment of their transition, as a test waiting for them expects.
      DELIVERY_POLL_INTERVAL: '100ms',
      // Payloads are encrypted as in production; a test may pass other keys (or none) in `env`.
      PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
      // Tests send bursts no user would; test/rate-limit.test.ts sets a low limit of its own.
      RATE_LIMIT_PER_MINUTE: '1000000',
      // Uploads left unattached by refused submissions pile up over a run's test files.
      DOCUMENT_MAX_WAITING: '1000000',
      // Each harness its own directory of dossier files, removed when it closes.
      DOCUMENT_STORE: join(tmpdir(), 'tdkt-test-documents', randomUUID()),
      ...process.env,
      AUTH_MODE: 'dev',
      TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
      ...env,
    });
    const app = await createApiApp(config, ['error', 'warn'], createLogger(config, 'api', options.logDestination));
    await app.init();
    const workerContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
    const temporal = new Client({
      connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS }),
      dataConverter: payloadDataConverter(config.PAYLOAD_KEYS),
    });
    const harness = new Harness(config, app, workerContext, temporal, options);
    await harness.startWorker();
    return harness;
  }

  get prisma(): PrismaService {
    return this.workerContext.get(PrismaService);
  }

  async startWorker(): Promise<void> {
    const connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    const { worker } = await createNominationWorker(this.workerContext, {
      connection,
      workflowBundle: { codePath: this.options.workflowBundlePath ?? process.env.WORKFLOW_BUNDLE_PATH! },
      logger: createLogger(this.config, 'worker', this.options.logDestination),
    });
    this.worker = { worker, connection, running: worker.run() };
    if (this.config.SMTP_URL) this.dispatcher.start();
  }

  /** The worker process's outbox dispatcher: it runs alongside the worker, when SMTP_URL is set. */
  get dispatcher(): OutboxDispatcher {
    return this.workerContext.get(OutboxDispatcher);
  }

  /** Stops the worker as a crash or a deploy would: its in-flight work is left to the next one. */
  async stopWorker(): Promise<void> {
    if (!this.worker) return;
    const { worker, running, connection } = this.worker;
    this.worker = null;
    worker.shutdown();
    await Promise.all([running, this.dispatcher.stop()]);
    await connection.close();
  }

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const res = await request(this.app.getHttpServer()).post('/api/auth/dev-token').send({ username }).expect(200);
      token = (res.body as { token: string }).token;
      this.tokens.set(username, token);
    }
    return token;
  }

  async get(username: string, path: string) {
    return request(this.app.getHttpServer())
      .get(path)
      .set('Authorization', `Bearer ${await this.token(username)}`);
  }

  async post(username: string, path: string, body: Body = {}) {
    return request(this.app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${await this.token(username)}`)
      .send(body);
  }

  /** `GET path` with the body as bytes (a `Buffer` in `body`), whatever its media type: documents, CSV, PDF. */
  async download(username: string, path: string) {
    return request(this.app.getHttpServer())
      .get(path)
      .set('Authorization', `Bearer ${await this.token(username)}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }

  /** The worker's orphan sweep, for a test to run one pass. */
  get sweeper(): OrphanSweeper {
    return this.workerContext.get(OrphanSweeper);
  }

  /** `POST /api/documents` with `file` (a generated PDF unless given) as a multipart upload. */
  async upload(username: string, type: string, file: Buffer = samplePdf(type), fileName = `${type}.pdf`, path = '/api/documents') {
    return request(this.app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${await this.token(username)}`)
      .field('type', type)
      .attach('file', file, fileName);
  }

  /** Uploads a generated PDF for every document type the award requires; the ids, for a submission. */
  async requiredDocuments(username: string, awardCode: string): Promise<string[]> {
    const ids: string[] = [];
    for (const type of requiredDocumentTypes(awardCode)) {
      const res = await this.upload(username, type);
      if (res.status !== 201) throw new Error(`upload of ${type} failed: ${res.status} ${JSON.stringify(res.body)}`);
      ids.push((res.body as { id: string }).id);
    }
    return ids;
  }

  /** Submits with the award's required documents uploaded first, unless `overrides` names the documents. */
  async submit(username = 'u1.clerk', overrides: Body = {}) {
    const awardCode = (overrides.awardCode as string | undefined) ?? 'BANG_KHEN_UBND_TP';
    // The same request sent again names the same documents, as a client retrying it would.
    const key = typeof overrides.requestId === 'string' ? `${username}:${overrides.requestId}` : null;
    let uploads = key ? this.dossiers.get(key) : undefined;
    if (!overrides.documents && !uploads) {
      uploads = this.requiredDocuments(username, awardCode);
      if (key) this.dossiers.set(key, uploads);
    }
    const documents = overrides.documents ?? (await uploads);
    const res = await this.post(username, '/api/nominations', {
      documents,
      awardCode: 'BANG_KHEN_UBND_TP',
      year: 2026,
      nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ, có hai sáng kiến được công nhận cấp cơ sở.',
      declarations: { rating: 'HTXS', initiatives: ['Số hóa quy trình cấp phép', 'Bản đồ cụm công nghiệp'] },
      ...overrides,
    });
    if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; workflowId: string; [key: string]: unknown };
  }

  decide(username: string, id: string, body: Body) {
    return this.post(username, `/api/nominations/${id}/decisions`, { requestId: randomUUID(), ...body });
  }

  /** Waits until the nomination's row satisfies `done` (workflow timers act on their own time). */
  async waitForRow(id: string, done: (row: { status: string; overdue: boolean; version: number }) => boolean, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await this.prisma.nomination.findUniqueOrThrow({ where: { id } });
      if (done(row)) return row;
      if (Date.now() > deadline) throw new Error(`nomination ${id} still ${row.status} (overdue=${row.overdue})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async close(): Promise<void> {
    await this.stopWorker();
    await this.app.close();
    await this.workerContext.close();
    await this.temporal.connection.close();
    if (this.config.DOCUMENT_STORE.includes('tdkt-test-documents')) await rm(this.config.DOCUMENT_STORE, { recursive: true, force: true });
  }
}

export const APPROVERS_U1 = [
  ['u1.head', 'UNIT'],
  ['dept-a.reviewer', 'DEPARTMENT'],
  ['so.council', 'SO'],
  ['city.board', 'CITY'],
] as const;
