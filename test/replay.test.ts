import type { HistoryAndWorkflowId } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { payloadDataConverterFrom } from '../libs/codec/data-converter';
import { AGENCY_DEADLINES_PATCH, LAW_STEPS_PATCH } from '../workflows/nomination.workflow';
import { readableText } from './support/history-text';
import { TEST_PAYLOAD_KEYS } from './support/payload-keys';

/**
 * Replays the recorded histories (test/fixtures/histories, see its README) against the workflow
 * code of this checkout: a change that running nominations could not replay fails here, not in
 * production. The recorded histories carry no server: only the native runtime runs.
 */
const DIR = join(__dirname, 'fixtures', 'histories');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a recorded history's events, edited by hand below
type Json = { events: Record<string, any>[] };

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const readJson = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Json;
const toHistory = (json: Json) => historyFromJSON(json);

const options = (): ReplayWorkerOptions => ({
  workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! },
  replayName: 'nomination-histories',
  // As the worker runs: encrypted payloads are decrypted, those written before encryption pass through.
  dataConverter: payloadDataConverterFrom(TEST_PAYLOAD_KEYS),
});

describe('recorded nomination histories replay on the current workflow code', () => {
  it('finds the recorded histories', () => {
    // An empty or misplaced folder would otherwise make the replay below pass without replaying anything.
    expect(files).toEqual(
      expect.arrayContaining([
        'nomination-v1-four-level-approval.json',
        'nomination-v1-return-resubmit.json',
        'nomination-v1-withdrawal.json',
        'nomination-v2-four-level-approval.json',
        'nomination-v2-return-resubmit.json',
        'nomination-v2-withdrawal.json',
        'nomination-v2-council-vote.json',
        'nomination-v3-four-level-approval.json',
        'nomination-v3-return-resubmit.json',
        'nomination-v3-withdrawal.json',
        'nomination-v3-council-vote.json',
        'nomination-v4-four-level-approval.json',
        'nomination-v4-return-resubmit.json',
        'nomination-v4-withdrawal.json',
        'nomination-v4-council-vote.json',
        'nomination-v4-encrypted-four-level-approval.json',
        'nomination-v5-four-level-approval.json',
        'nomination-v5-return-resubmit.json',
        'nomination-v5-withdrawal.json',
        'nomination-v5-council-vote.json',
        'nomination-v5-posting-consultation-forwarding.json',
        'nomination-v5-hold-resume.json',
        'nomination-v6-posting-consultation-forwarding.json',
        'nomination-v6-alarms-escalation.json',
        'nomination-v6-alarms-expiry.json',
        'nomination-v6-council-forwarding.json',
        'campaign-v1-window-and-result.json',
        'campaign-launcher-v1.json',
      ]),
    );
  });

  it('replays the consultation both ways: one deadline for all (v5) and each agency its own (v6)', () => {
    // Patch markers are not payloads: their ids stay readable in the encrypted histories.
    const v5 = readableText(readJson('nomination-v5-posting-consultation-forwarding.json'));
    const v6 = readableText(readJson('nomination-v6-posting-consultation-forwarding.json'));
    expect(v5).toContain(LAW_STEPS_PATCH);
    expect(v5).not.toContain(AGENCY_DEADLINES_PATCH);
    expect(v6).toContain(AGENCY_DEADLINES_PATCH);
  });

  it('replays a state-level proposal decided at CITY by the city council’s vote before it is forwarded (catalogue 2026.1)', () => {
    const council = readableText(readJson('nomination-v6-council-forwarding.json'));
    const before = readableText(readJson('nomination-v6-posting-consultation-forwarding.json'));
    expect(council).toContain('closeVote');
    expect(before).not.toContain('closeVote');
  });

  it('holds no readable nominee name or comment in the encrypted history', () => {
    const text = readableText(readJson('nomination-v4-encrypted-four-level-approval.json'));
    for (const secret of ['Nguyễn Thị Lan', 'Đồng ý', 'Hoàn thành xuất sắc']) expect(text).not.toContain(secret);
    expect(readableText(readJson('nomination-v4-four-level-approval.json'))).toContain('Nguyễn Thị Lan');
  });

  it('cannot replay the encrypted history without its key', async () => {
    const history = toHistory(readJson('nomination-v4-encrypted-four-level-approval.json'));
    await expect(Worker.runReplayHistory({ ...options(), dataConverter: {} }, history, 'encrypted-without-key')).rejects.toThrow();
  });

  it('replays every recorded history without error', async () => {
    const histories: HistoryAndWorkflowId[] = files.map((f) => ({ workflowId: basename(f, '.json'), history: toHistory(readJson(f)) }));
    const results: { workflowId: string; error?: string }[] = [];
    for await (const { workflowId, error } of Worker.runReplayHistories(options(), histories)) {
      results.push(error ? { workflowId, error: `${error.name}: ${error.message}` } : { workflowId });
    }
    expect(results).toEqual(files.map((f) => ({ workflowId: basename(f, '.json') })));
  });

  it.each(['v1', 'v2', 'v3'])('a %s history the code did not produce fails with DeterminismViolationError', async (version) => {
    const json = readJson(`nomination-${version}-four-level-approval.json`);
    // The first command the workflow issues is persisting the submission; a history that claims
    // another activity there must be rejected rather than silently replayed.
    const scheduled = json.events.find((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
    expect(scheduled?.activityTaskScheduledEventAttributes.activityType.name).toBe('persistTransition');
    scheduled!.activityTaskScheduledEventAttributes.activityType.name = 'persistTransitionV0';

    const replay = Worker.runReplayHistory(options(), toHistory(json), `tampered-${version}-four-level-approval`);
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
    await expect(replay).rejects.toThrow(/persistTransitionV0/);
  });
});
