import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPROVERS_U1, Harness } from './support/harness';

/**
 * Records a history whose payloads are encrypted with the test key (test/support/payload-keys.ts), for
 * test/replay.test.ts to replay through the codec. Runs only on demand, like record-histories:
 *   RECORD_HISTORIES=1 npx jest --selectProjects integration --runInBand test/record-encrypted-history
 */
const FILE = join(__dirname, 'fixtures', 'histories', 'nomination-v4-encrypted-four-level-approval.json');

(process.env.RECORD_HISTORIES === '1' ? describe : describe.skip)('record an encrypted nomination history', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('four-level approval of BANG_KHEN_UBND_TP, with comments', async () => {
    const n = await sut.submit('u1.clerk', { requestId: 'record-encrypted-four-level-approval' });
    for (const [reviewer, level] of APPROVERS_U1) {
      const res = await sut.decide(reviewer, n.id, { level, decision: 'APPROVE', comment: 'Đồng ý', requestId: `encrypted-four-level-approval-${level}` });
      if (res.status !== 200) throw new Error(`approve ${level}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const handle = sut.temporal.workflow.getHandle(n.workflowId);
    expect((await handle.result()).status).toBe('APPROVED');
    const history = await handle.fetchHistory();
    writeFileSync(FILE, `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
    process.stderr.write(`[record-encrypted-history] ${FILE}: ${history.events?.length ?? 0} events\n`);
  });
});
