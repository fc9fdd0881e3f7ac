import { ApplicationFailure, Client, Connection, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Runtime, Worker } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import { SEALED_COMMANDS_PATCH } from '../apps/worker/sealed-commands.workflow-interceptors';
import { dataConverterWith, payloadDataConverterFrom } from '../libs/codec/data-converter';
import { ENCRYPTED_ENCODING, EncryptionCodec, KEY_ID_METADATA } from '../libs/codec/encryption-codec';
import { payloadKeysSchema } from '../libs/codec/payload-keys';
import type { NominationState } from '../libs/domain/nomination-machine';
import { stateQuery } from '../libs/domain/nomination-messages';
import { Harness } from './support/harness';
import { readableText } from './support/history-text';
import { TEST_PAYLOAD_KEYS } from './support/payload-keys';

/**
 * Someone who reaches Temporal without the payload keys, as the `temporal` CLI does: what they send
 * travels in clear, and the worker refuses it. The forger here reads the answers with the keys (its codec
 * decodes, and encodes nothing), so that the test can tell why it was refused.
 */
describe('only sealed commands move a workflow', () => {
  let sut: Harness;
  let plain: Client;
  const lines: string[] = [];
  const warnings: { message: string; meta?: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    // The workflows' log lines go to the runtime's logger (the worker's pino in production).
    const logger = Runtime.instance().logger;
    const log = logger.log.bind(logger);
    jest.spyOn(logger, 'log').mockImplementation((level, message, meta) => {
      if (level === 'WARN') warnings.push({ message, meta });
      log(level, message, meta);
    });
    sut = await Harness.start({}, { logDestination: { write: (line: string) => void lines.push(line) } });
    const codec = new EncryptionCodec(payloadKeysSchema.parse(TEST_PAYLOAD_KEYS));
    plain = new Client({
      connection: await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS }),
      dataConverter: dataConverterWith({ encode: async (payloads) => payloads, decode: (payloads) => codec.decode(payloads) }),
    });
  });

  afterAll(async () => {
    await plain?.connection.close();
    await sut?.close();
  });

  const forgedDecision = () => ({ level: 'UNIT', decision: 'APPROVE', requestId: `forged-${randomUUID()}`, reviewer: 'u1.head', comment: 'Đồng ý' });
  const stateOf = (workflowId: string) => sut.temporal.workflow.getHandle(workflowId).query(stateQuery);
  const rowOf = (id: string) => sut.prisma.nomination.findUniqueOrThrow({ where: { id } });
  const replays = async (workflowId: string) => {
    const history = await sut.temporal.workflow.getHandle(workflowId).fetchHistory();
    const options = { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! }, dataConverter: payloadDataConverterFrom(TEST_PAYLOAD_KEYS) };
    await Worker.runReplayHistory(options, history, workflowId);
    return history;
  };

  it('refuses an update in clear (403 FORBIDDEN as the API would map it) and a signal changes nothing; the API still decides', async () => {
    const n = await sut.submit('u1.clerk');
    const before = await sut.waitForRow(n.id, (row) => row.version >= 1);
    const stateBefore = await stateOf(n.workflowId);
    expect(stateBefore.currentLevel).toBe('UNIT');

    const forged = plain.workflow.getHandle(n.workflowId).executeUpdate('decide', { args: [forgedDecision()] });
    const refused = await forged.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (refused as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('FORBIDDEN');
    expect(cause?.message).toMatch(/niêm phong/);
    expect(warnings).toContainEqual({
      message: 'unsealed update refused',
      meta: expect.objectContaining({ workflowId: n.workflowId, updateName: 'decide' }) as Record<string, unknown>,
    });

    await plain.workflow.getHandle(n.workflowId).signal('decide', forgedDecision());

    // The same update sealed goes through, as the API sends it.
    const approved = await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' });
    expect(approved.status).toBe(200);
    const state: NominationState = await stateOf(n.workflowId);
    expect(state.currentLevel).toBe('DEPARTMENT');
    expect(state.decisions).toHaveLength(stateBefore.decisions.length + 1);
    expect(state.decisions.every((d) => !d.requestId.startsWith('forged-'))).toBe(true);
    const row = await rowOf(n.id);
    expect(row.version).toBe(before.version + 1);
    expect(await sut.prisma.decision.count({ where: { nominationId: n.id } })).toBe(1);

    // A refused update leaves no trace in history, the signal does (it cannot be refused) and replays.
    const history = await replays(n.workflowId);
    expect(history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
    expect(history.events?.filter((e) => e.workflowExecutionSignaledEventAttributes)).toHaveLength(1);
  });

  it('refuses an update forged with junk "encrypted" bytes, logs it, and the nomination goes on', async () => {
    const n = await sut.submit('u1.clerk');
    const before = await sut.waitForRow(n.id, (row) => row.version >= 1);
    const junk = (): Payload => ({
      metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from('test-2026') },
      data: randomBytes(64),
    });
    const forger = new Client({
      connection: plain.connection,
      dataConverter: dataConverterWith({ encode: async (ps) => ps.map(junk), decode: async (ps) => ps }),
    });
    await expect(forger.workflow.getHandle(n.workflowId).executeUpdate('decide', { args: [forgedDecision()] })).rejects.toThrow();
    expect(lines.some((l) => l.includes('payload refused: it does not decrypt') && l.includes(n.workflowId))).toBe(true);
    expect((await rowOf(n.id)).version).toBe(before.version);
    expect((await sut.decide('u1.head', n.id, { level: 'UNIT', decision: 'APPROVE' })).status).toBe(200);
    expect((await stateOf(n.workflowId)).currentLevel).toBe('DEPARTMENT');
  });

  it('fails a workflow started in clear before it does anything, and the refusal replays', async () => {
    const n = await sut.submit('u1.clerk');
    const before = await sut.waitForRow(n.id, (row) => row.version >= 1);
    const job = { filter: { unitCode: 'U1' }, dueAt: '2030-01-01T00:00:00.000Z', reason: 'Gia hạn', actor: 'admin', requestId: randomUUID(), matched: 1 };
    const workflowId = `bulk-deadline-forged-${randomUUID()}`;
    const handle = await plain.workflow.start('bulkDeadlineWorkflow', { workflowId, taskQueue: sut.config.TEMPORAL_TASK_QUEUE, args: [job] });
    const failed = await handle.result().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(WorkflowFailedError);
    expect(((failed as WorkflowFailedError).cause as ApplicationFailure).type).toBe('FORBIDDEN');
    expect(warnings.map((w) => w.message)).toContain('unsealed workflow start refused');

    const history = await replays(workflowId);
    expect(history.events?.some((e) => e.activityTaskScheduledEventAttributes)).toBe(false);
    expect(readableText(JSON.parse(historyToJSON(history)))).toContain(SEALED_COMMANDS_PATCH);
    expect((await rowOf(n.id)).version).toBe(before.version);
    expect((await stateOf(n.workflowId)).dueOverride ?? null).toBeNull();
  });
});
