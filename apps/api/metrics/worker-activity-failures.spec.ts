import { Logger } from '@nestjs/common';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../../../libs/config/config';
import { WorkerActivityFailures, activityFailuresFrom, workerMetricsUrlFrom } from './worker-activity-failures';

// As the Temporal runtime's Prometheus exporter writes them (SDK 1.24).
const EXPOSITION = `# HELP temporal_activity_execution_failed Count of activity task execution failures
# TYPE temporal_activity_execution_failed counter
temporal_activity_execution_failed{activity_type="persistTransition",failure_reason="ActivityError",namespace="default",service_name="temporal-core-sdk",task_queue="nominations",workflow_type="nominationWorkflow"} 2
temporal_activity_execution_failed{activity_type="persistTransition",failure_reason="Timeout",namespace="default",service_name="temporal-core-sdk",task_queue="nominations",workflow_type="nominationWorkflow"} 1
temporal_activity_execution_failed_total{activity_type="planLevel",failure_reason="ActivityError"} 4
# TYPE temporal_activity_execution_latency histogram
temporal_activity_execution_latency_bucket{activity_type="deliverEmails",le="50"} 7
temporal_activity_task_received{activity_type="deliverEmails"} 7
`;

describe('activity failures from the worker SDK metrics', () => {
  it('sums the failed attempts per activity type and ignores every other series', () => {
    expect(activityFailuresFrom(EXPOSITION)).toEqual(
      new Map([
        ['persistTransition', 3],
        ['planLevel', 4],
      ]),
    );
  });

  it('WORKER_METRICS_URL is optional, and must be an http(s) URL when set', () => {
    expect(workerMetricsUrlFrom({})).toBeUndefined();
    expect(workerMetricsUrlFrom({ WORKER_METRICS_URL: '' })).toBeUndefined();
    expect(workerMetricsUrlFrom({ WORKER_METRICS_URL: 'http://worker:9464/metrics' })).toBe('http://worker:9464/metrics');
    expect(() => workerMetricsUrlFrom({ WORKER_METRICS_URL: 'worker:9464' })).toThrow(ConfigError);
    expect(() => workerMetricsUrlFrom({ WORKER_METRICS_URL: 'ftp://worker/metrics' })).toThrow(/WORKER_METRICS_URL/);
  });

  it('reads them over HTTP, and gives up with a warning when the worker does not answer', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const server = createServer((_, res) => res.end(EXPOSITION));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    try {
      expect(await new WorkerActivityFailures(url).read()).toEqual(new Map([['persistTransition', 3], ['planLevel', 4]]));
    } finally {
      await new Promise((closed) => server.close(closed));
    }
    expect(await new WorkerActivityFailures(url).read()).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreadable: fetch failed: .*ECONNREFUSED/));
    expect(await new WorkerActivityFailures(undefined).read()).toBeNull();
    warn.mockRestore();
  });
});
