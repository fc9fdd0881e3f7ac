import { performance } from 'node:perf_hooks';

export const LEVELS = ['UNIT', 'DEPARTMENT', 'SO', 'CITY'] as const;
export type Level = (typeof LEVELS)[number];

/** One way of carrying a nomination through its four levels: the bare workflow, or the product over HTTP. */
export interface Flow<Opened> {
  readonly name: 'bare' | 'full';
  /** What a submission needs beforehand (the dossier's uploads), outside the measured submission. */
  prepare?(index: number): Promise<void>;
  submit(index: number): Promise<Opened>;
  decide(opened: Opened, level: Level): Promise<void>;
  workflowId(opened: Opened): string;
}

export interface RoundResult {
  flow: 'bare' | 'full';
  n: number;
  concurrency: number;
  wallMs: number;
  submitMs: number[];
  decisionMs: number[];
  workflowIds: string[];
}

/**
 * `concurrency` clients each take the next nomination and carry it from submission to its last
 * decision, one call after another, as reviewers would; the wall time runs from the first submission
 * to the last final decision.
 */
export async function runRound<Opened>(flow: Flow<Opened>, n: number, concurrency: number, offset: number): Promise<RoundResult> {
  const submitMs: number[] = [];
  const decisionMs: number[] = [];
  const workflowIds: string[] = [];
  let next = 0;
  const timed = async <T>(into: number[], call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await call();
    into.push(performance.now() - started);
    return result;
  };
  const client = async () => {
    while (next < n) {
      const index = offset + next++;
      await flow.prepare?.(index);
      const opened = await timed(submitMs, () => flow.submit(index));
      workflowIds.push(flow.workflowId(opened));
      for (const level of LEVELS) await timed(decisionMs, () => flow.decide(opened, level));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, client));
  return { flow: flow.name, n, concurrency, wallMs: performance.now() - started, submitMs, decisionMs, workflowIds };
}
