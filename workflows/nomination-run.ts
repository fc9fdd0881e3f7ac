import { ActivityFailure, ApplicationFailure, condition, log, setHandler, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { CommitInput } from '../activities/nomination.activities';
import type { LevelPlan } from '../libs/deadlines/deadline-planner';
import { commandFingerprint, requestIdReused, type CommandRef } from '../libs/domain/command-fingerprint';
import { PERSISTENCE_FAILED, type DomainError } from '../libs/domain/errors';
import { isDuplicate, type NominationState, type Step } from '../libs/domain/nomination-machine';
import type { NominationWorkflowInput } from '../libs/domain/nomination-messages';
import { nominationSearchAttributes } from '../libs/domain/search-attributes';
import { parse, reject } from './failures';
import { commitTransition } from './activity-proxies';

/** How many recent commands a run remembers by request id; older ones are found in the database's request log. */
const RECENT_REQUESTS = 50;
/** How long a timer's transition waits before it is tried again after its commit failed. */
const SYSTEM_RETRY = '1 minute';

const UNAVAILABLE: DomainError = {
  code: 'UNAVAILABLE',
  message: 'Cơ sở dữ liệu chưa sẵn sàng; thao tác chưa được thực hiện, vui lòng thử lại với cùng requestId',
};
const NOT_WRITTEN: DomainError = { code: 'INTERNAL', message: 'Thao tác không ghi được vào cơ sở dữ liệu và đã bị từ chối; hồ sơ giữ nguyên trạng thái' };

/** A transition ready to commit, and what the workflow adopts with it. */
export interface Planned {
  step: Step;
  /** The current level's plan after the transition (undefined: unchanged). */
  plan?: LevelPlan | null;
  claimQuota?: boolean;
}

/** One update the nomination accepts: who sends it, when it is refused, and the transition it makes. */
export interface Command<C> {
  schema: z.ZodType;
  actorOf: (cmd: C) => string;
  check: (cmd: C, state: NominationState) => DomainError | null;
  perform: (cmd: C, state: NominationState, now: Date) => Promise<Planned>;
}

/**
 * The nomination as this run holds it: its state and its level's plan. They change only by a transition
 * committed to the database first (the state never runs ahead of the database), one command or timer at
 * a time.
 */
export class NominationRun {
  /** The current level's plan as last read; null: not read yet in this run. */
  plan: LevelPlan | null;
  private current: NominationState;
  private busy: boolean;
  private attributes: Map<string, string>;

  /**
   * Takes over where the previous run stood, or adopts the opening step at once: the row already shows
   * it (the API wrote it from the same pure step). Its transition commits first, while every command waits.
   */
  constructor(
    private readonly input: NominationWorkflowInput,
    opening: Step | null,
  ) {
    this.current = input.carry?.state ?? opening!.state;
    this.plan = input.carry?.plan ?? null;
    this.busy = opening !== null;
    this.attributes = attributeValues(this.current);
  }

  get state(): NominationState {
    return this.current;
  }

  /** No command or timer transition is under way. */
  get idle(): boolean {
    return !this.busy;
  }

  /** Until the opening transition is written nothing else may be: retried until the database takes it. */
  async open(step: Step): Promise<void> {
    while (await this.commitOpening(step)) await sleep(SYSTEM_RETRY);
    this.busy = false;
  }

  /** Registers one command: checked in its validator (nothing malformed enters history) and again in its turn. */
  command<C extends { requestId: string }>(definition: UpdateDefinition<NominationState, [C]>, { schema, actorOf, check, perform }: Command<C>): void {
    const operation = definition.name;
    const requestOf = (cmd: C): CommandRef => ({ actor: actorOf(cmd), requestId: cmd.requestId, fingerprint: commandFingerprint(operation, cmd), operation });
    setHandler(
      definition,
      (cmd) =>
        this.exclusively(async () => {
          const request = requestOf(cmd);
          if (this.repeated(request)) return this.current;
          reject(check(cmd, this.current));
          reject(await this.commit(await perform(cmd, this.current, new Date()), request));
          return this.current;
        }),
      {
        validator: (cmd) => {
          parse(schema, cmd);
          if (!this.repeated(requestOf(cmd))) reject(check(cmd, this.current));
        },
      },
    );
  }

  /** A transition the workflow makes on its own (a timer fired); one that cannot be written is tried again later. */
  async system(make: () => Planned | null): Promise<void> {
    const refused = await this.exclusively(async () => {
      const next = make();
      return next ? this.commit(next) : null;
    });
    if (refused) await sleep(SYSTEM_RETRY);
  }

  /** Runs one command or timer transition at a time; the others wait their turn, then see its result. */
  private async exclusively<T>(work: () => Promise<T>): Promise<T> {
    // Looked at again after every wake-up: two waiters woken together must not both go ahead.
    while (this.busy) await condition(() => !this.busy);
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  /** Commits, then adopts: the workflow's state never runs ahead of the database. */
  private async commit(next: Planned, request?: CommandRef): Promise<DomainError | null> {
    const args: CommitInput = { transition: next.step.transition, request, claimQuota: next.claimQuota };
    let refused: DomainError | null;
    try {
      refused = await commitTransition(args);
    } catch (error) {
      const failure = error instanceof ActivityFailure ? error.cause : error;
      const permanent = failure instanceof ApplicationFailure && failure.type === PERSISTENCE_FAILED;
      log.warn('transition not committed', { seq: next.step.transition.seq, kind: next.step.transition.kind, permanent, error: String(error) });
      return permanent ? NOT_WRITTEN : UNAVAILABLE;
    }
    if (refused) return refused;
    this.adopt(next, request);
    return null;
  }

  private adopt(next: Planned, request?: CommandRef): void {
    const earlier = this.current.recent ?? [];
    const recent = request ? [...earlier, { key: keyOf(request), fingerprint: request.fingerprint }] : earlier;
    this.current = { ...next.step.state, requestIds: next.step.state.requestIds.slice(-RECENT_REQUESTS), recent: recent.slice(-RECENT_REQUESTS) };
    if (next.plan !== undefined) this.plan = next.plan;
    const now = attributeValues(this.current);
    const changed = nominationSearchAttributes(this.input, this.current).filter((pair) => now.get(pair.key.name) !== this.attributes.get(pair.key.name));
    if (changed.length) upsertSearchAttributes(changed);
    this.attributes = now;
  }

  /** The same request again is answered with the state; the request id reused for another command is refused. */
  private repeated(request: CommandRef): boolean {
    const earlier = this.current.recent?.find((r) => r.key === keyOf(request));
    if (earlier && earlier.fingerprint !== request.fingerprint) {
      reject(requestIdReused());
    }
    return earlier !== undefined || isDuplicate(this.current, request.requestId);
  }

  /** Commits the opening transition; true when it must be tried again. */
  private async commitOpening(step: Step): Promise<boolean> {
    const refused = await this.commit({ step });
    if (refused) log.error('opening transition not committed', { code: refused.code, message: refused.message });
    return refused !== null;
  }
}

const keyOf = (request: CommandRef) => `${request.actor}:${request.requestId}`;

/** The search attributes' values by name, comparable across transitions (dates as ISO text). */
function attributeValues(state: NominationState): Map<string, string> {
  const identity = { awardCode: '', unitCode: '' };
  return new Map(
    nominationSearchAttributes(identity, state).map((pair) => [
      pair.key.name,
      pair.value instanceof Date ? pair.value.toISOString() : JSON.stringify(pair.value),
    ]),
  );
}
