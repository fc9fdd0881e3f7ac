import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { ConfigError } from '../../../libs/config/config';

/**
 * The worker's Temporal SDK counter of failed activity attempts (one per failed attempt, labelled
 * with activity_type, failure_reason, task_queue, workflow_type, namespace); `_total` when the
 * runtime is told to suffix counters.
 */
const SDK_FAILURES = /^temporal_activity_execution_failed(?:_total)?\{(.*)\}\s+(\S+)/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;
const FETCH_TIMEOUT_MS = 2000;

/** Failed attempts per activity type, summed over the SDK's other labels. */
export function activityFailuresFrom(exposition: string): Map<string, number> {
  const failures = new Map<string, number>();
  for (const line of exposition.split('\n')) {
    const sample = SDK_FAILURES.exec(line);
    if (!sample) continue;
    const labels = new Map([...sample[1]!.matchAll(LABEL)].map((m) => [m[1]!, m[2]!.replace(/\\(.)/g, '$1')]));
    const type = labels.get('activity_type');
    const value = Number(sample[2]);
    if (type !== undefined && Number.isFinite(value)) failures.set(type, (failures.get(type) ?? 0) + value);
  }
  return failures;
}

// fetch says only "fetch failed"; why (refused, unknown host, timeout) is in the cause.
function reason(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { message?: unknown } };
  return [message ?? String(error), cause?.message].filter((part) => part !== undefined).join(': ');
}

/** WORKER_METRICS_URL, checked at start-up like the rest of the configuration. */
export function workerMetricsUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const result = z.url({ protocol: /^https?$/ }).optional().safeParse(env.WORKER_METRICS_URL || undefined);
  if (!result.success) throw new ConfigError(`Invalid configuration:\n  WORKER_METRICS_URL: must be an http(s) URL`);
  return result.data;
}

/** Reads the activity failures off the worker's metrics endpoint, when there is one and it answers. */
export class WorkerActivityFailures {
  private readonly logger = new Logger(WorkerActivityFailures.name);

  constructor(private readonly url: string | undefined) {}

  /** Null when unknown: the scrape goes on without them rather than fail. */
  async read(): Promise<Map<string, number> | null> {
    if (!this.url) return null;
    try {
      const res = await fetch(this.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return activityFailuresFrom(await res.text());
    } catch (error) {
      this.logger.warn(`worker metrics at ${this.url} unreadable: ${reason(error)}`);
      return null;
    }
  }
}
