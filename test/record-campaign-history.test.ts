import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { campaignWorkflowId } from '../libs/domain/campaign-messages';
import { APPROVERS_U1, Harness } from './support/harness';

/**
 * Records a campaign workflow's history for test/replay.test.ts, on demand only:
 *   RECORD_HISTORIES=1 npx jest --selectProjects integration --runInBand test/record-campaign-history
 * Never overwrite it after the workflow changed: record a new version beside it (see the README there).
 */
const FILE = join(__dirname, 'fixtures', 'histories', 'campaign-v1-window-and-result.json');
const LAUNCHER_FILE = join(__dirname, 'fixtures', 'histories', 'campaign-launcher-v1.json');

(process.env.RECORD_HISTORIES === '1' ? describe : describe.skip)('record a campaign workflow history', () => {
  it('opens, reminds, closes, waits for the decision and finishes', async () => {
    const sut = await Harness.start({ CAMPAIGN_POLL_INTERVAL: '1s', CAMPAIGN_REMINDER_BEFORE_CLOSE: '2s' });
    try {
      const created = await sut.post('admin', '/api/campaigns', {
        code: 'RECORD-CAMPAIGN',
        name: 'Đợt thi đua ghi lại lịch sử',
        year: 2026,
        kind: 'THEMED',
        awardCodes: ['BANG_KHEN_UBND_TP'],
        opensAt: new Date(Date.now() + 1000).toISOString(),
        closesAt: new Date(Date.now() + 6000).toISOString(),
        decisionDeadline: new Date(Date.now() + 120_000).toISOString(),
      });
      expect(created.status).toBe(201);
      while ((await sut.get('admin', `/api/campaigns/${created.body.id}`)).body.status !== 'OPEN') await new Promise((r) => setTimeout(r, 200));
      const n = await sut.submit('u1.clerk', { campaignId: created.body.id, requestId: 'record-campaign' });
      for (const [reviewer, level] of APPROVERS_U1) await sut.decide(reviewer, n.id, { level, decision: 'APPROVE' });
      const handle = sut.temporal.workflow.getHandle(campaignWorkflowId('RECORD-CAMPAIGN'));
      expect(await handle.result()).toBe('RECORD-CAMPAIGN');
      writeFileSync(FILE, `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 2)}\n`);
    } finally {
      await sut.close();
    }
  });

  it('the schedules’ launcher creates the year’s campaign and starts it', async () => {
    const sut = await Harness.start();
    try {
      const handle = await sut.temporal.workflow.start('campaignLauncherWorkflow', {
        workflowId: 'record-campaign-launcher',
        taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
        args: [{ kind: 'THEMED' }],
      });
      expect(await handle.result()).toMatch(/^THEMED-\d{4}$/);
      writeFileSync(LAUNCHER_FILE, `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 2)}\n`);
    } finally {
      await sut.close();
    }
  });
});
