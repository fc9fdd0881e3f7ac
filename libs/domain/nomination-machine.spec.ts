import type * as AwardCatalogue from './award-catalogue';
import { CATALOGUE, catalogueAt, type AwardDefinition, type CatalogueVersion } from './award-catalogue';
import type { Level } from './levels';
import {
  checkDecide,
  checkGates,
  checkOpinion,
  checkResubmit,
  checkWithdraw,
  decide,
  endPosting,
  gateRefusal,
  lapseOpinions,
  nextAgencyDeadline,
  expire,
  giveOpinion,
  isDuplicate,
  liftHold,
  markOverdue,
  resubmit,
  resumedDeadline,
  submit,
  suspend,
  timingPlanner,
  validateRoute,
  withdraw,
  type DecideCommand,
  type NominationState,
  type Step,
  type Timing,
} from './nomination-machine';
import { FINAL_STATUSES, isFinal, REJECT_GROUNDS, type NominationStatus } from './nomination-status';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Distinct limits per level, and a return window equal to none of them, so that a dueAt computed
// from the wrong level (or from the return window) cannot pass by coincidence.
const limits: Timing = {
  levelLimitMs: { UNIT: 5 * DAY, DEPARTMENT: 7 * DAY, SO: 10 * DAY, CITY: 20 * DAY },
  returnWindowMs: 3 * DAY,
};
const timing = timingPlanner(limits);

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
// Each step happens later than the previous one, so a dueAt reckoned from the submission time is caught.
const at = (hoursAfterT0: number) => new Date(T0 + hoursAfterT0 * HOUR);
const plus = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

// The version judging today's submissions; every version's routes are checked against DOMAIN.md below.
const AWARDS: AwardDefinition[] = [...CATALOGUE[CATALOGUE.length - 1]!.awards];

// The routes as DOMAIN.md states them, an independent source against which the catalogue is checked.
const LAST_LEVEL_PER_DOMAIN: Record<string, Level> = {
  LAO_DONG_TIEN_TIEN: 'SO',
  TAP_THE_LAO_DONG_TIEN_TIEN: 'SO',
  CSTD_CO_SO: 'SO',
  GIAY_KHEN_GIAM_DOC_SO: 'SO',
  CSTD_THANH_PHO: 'CITY',
  TAP_THE_LAO_DONG_XUAT_SAC: 'CITY',
  BANG_KHEN_UBND_TP: 'CITY',
  CO_THI_DUA_UBND_TP: 'CITY',
  BANG_KHEN_THU_TUONG: 'CITY',
  HUAN_CHUONG_LAO_DONG_HANG_BA: 'CITY',
  HUAN_CHUONG_LAO_DONG_HANG_NHI: 'CITY',
  HUAN_CHUONG_LAO_DONG_HANG_NHAT: 'CITY',
  CSTD_TOAN_QUOC: 'CITY',
  CO_THI_DUA_CHINH_PHU: 'CITY',
};

function approve(level: Level, requestId = `approve-${level}`): DecideCommand {
  return { level, decision: 'APPROVE', requestId, reviewer: `${level.toLowerCase()}.reviewer` };
}

function routeOf(code: string): Level[] {
  const award = AWARDS.find((a) => a.code === code);
  if (!award) throw new Error(`award ${code} missing from the catalogue`);
  return [...award.route];
}

const FOUR_LEVELS: Level[] = ['UNIT', 'DEPARTMENT', 'SO', 'CITY'];
const THREE_LEVELS: Level[] = ['UNIT', 'DEPARTMENT', 'SO'];

/** Submits and approves until `level` is current. */
function reach(level: Level, route: Level[] = FOUR_LEVELS): NominationState {
  let state = submit('n-1', route, at(0), timing).state;
  let hour = 1;
  while (state.currentLevel !== level) {
    state = decide(state, approve(state.currentLevel!), at(hour++), timing).state;
  }
  return state;
}

function returnedAt(level: Level): NominationState {
  return decide(
    reach(level),
    { level, decision: 'RETURN', comment: 'Thiếu biên bản họp bình xét', requestId: `return-${level}`, reviewer: 'r' },
    at(50),
    timing,
  ).state;
}

function finalState(status: NominationStatus): NominationState {
  const state = reach('UNIT');
  switch (status) {
    case 'APPROVED':
      return decide(reach('SO', THREE_LEVELS), approve('SO'), at(60), timing).state;
    case 'REJECTED':
      return decide(
        state,
        { level: 'UNIT', decision: 'REJECT', ground: 'WRONG_SUBJECT', comment: 'Sai đối tượng', requestId: 'rej', reviewer: 'r' },
        at(60),
        timing,
      ).state;
    case 'WITHDRAWN':
      return withdraw(state, { requestId: 'w', actor: 'u1.clerk', reason: 'Rút hồ sơ' }, at(60)).state;
    case 'EXPIRED':
      return expire(returnedAt('UNIT'), at(60)).state;
    case 'FORWARDED':
      return decide(reach('SO', THREE_LEVELS), approve('SO'), at(60), timing, { forward: true }).state;
    default:
      throw new Error(`${status} is not final`);
  }
}

describe('nomination machine', () => {
  describe('the catalogue matches the routes of DOMAIN.md', () => {
    it.each(AWARDS.map((a) => [a.code, a] as const))('%s ends at the level DOMAIN.md names', (code, award) => {
      expect(validateRoute(award.route)).toBe(true);
      expect(award.route[0]).toBe('UNIT');
      expect(award.route[award.route.length - 1]).toBe(LAST_LEVEL_PER_DOMAIN[code]);
    });

    it('lists every award of DOMAIN.md, the state awards from 2026.1 on', () => {
      for (const version of CATALOGUE) {
        for (const award of version.awards) expect(award.route.at(-1)).toBe(LAST_LEVEL_PER_DOMAIN[award.code]);
      }
      expect(AWARDS.map((a) => a.code).sort()).toEqual(Object.keys(LAST_LEVEL_PER_DOMAIN).sort());
    });
  });

  describe.each(AWARDS.map((a) => [a.code, a] as const))('approving %s at every level', (_code, award) => {
    const route = [...award.route];

    it('submits to the first level with its time limit and asks its reviewers', () => {
      const now = at(0);

      const { state, transition } = submit('n-1', route, now, timing);

      expect(state).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'UNIT', overdue: false, seq: 1, returnCount: 0 });
      expect(state.dueAt).toBe(plus(now, limits.levelLimitMs.UNIT));
      expect(transition).toMatchObject({ kind: 'SUBMITTED', seq: 1, at: now.toISOString() });
      expect(transition.notify).toEqual([{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level: 'UNIT' }]);
    });

    it('climbs one level per approval and is approved after the last one', () => {
      let state = submit('n-1', route, at(0), timing).state;

      route.forEach((level, i) => {
        const now = at(10 * (i + 1));
        const next = route[i + 1];

        const step = decide(state, approve(level), now, timing);
        state = step.state;

        expect(state.seq).toBe(i + 2);
        expect(step.transition.seq).toBe(state.seq);
        expect(step.transition.kind).toBe('DECIDED');
        expect(step.transition.decision).toMatchObject({ level, decision: 'APPROVE', ground: null, decidedAt: now.toISOString() });
        expect(state.decisions).toHaveLength(i + 1);
        if (next) {
          expect(state.status).toBe('IN_REVIEW');
          expect(state.currentLevel).toBe(next);
          expect(state.dueAt).toBe(plus(now, limits.levelLimitMs[next]));
          expect(step.transition.notify).toEqual([{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level: next }]);
        } else {
          expect(state.status).toBe('APPROVED');
          expect(state.currentLevel).toBeNull();
          expect(state.dueAt).toBeNull();
          expect(step.transition.notify).toEqual([{ kind: 'DECIDED', audience: 'CLERKS' }]);
        }
        expect(step.transition.state).toEqual({
          status: state.status,
          currentLevel: state.currentLevel,
          dueAt: state.dueAt,
          overdue: state.overdue,
          returnDeadline: state.returnDeadline,
          returnCount: state.returnCount,
        });
      });

      expect(state.decisions.map((d) => d.level)).toEqual(route);
      expect(state.decisions[state.decisions.length - 1]!.level).toBe(LAST_LEVEL_PER_DOMAIN[award.code]);
    });

    it.each(route.map((level) => [level]))('is rejected for good at %s, recording the ground', (level) => {
      const state = reach(level, route);
      const now = at(40);

      const step = decide(
        state,
        { level, decision: 'REJECT', ground: 'CRITERIA_NOT_MET', comment: 'Chưa đủ tiêu chuẩn', requestId: 'rej-1', reviewer: 'r' },
        now,
        timing,
      );

      expect(step.state).toMatchObject({ status: 'REJECTED', currentLevel: null, dueAt: null, seq: state.seq + 1 });
      expect(step.state.decisions[step.state.decisions.length - 1]).toMatchObject({
        level,
        decision: 'REJECT',
        ground: 'CRITERIA_NOT_MET',
        comment: 'Chưa đủ tiêu chuẩn',
      });
      expect(step.transition.notify).toEqual([{ kind: 'DECIDED', audience: 'CLERKS' }]);
    });
  });

  it('decides GIAY_KHEN_GIAM_DOC_SO after three approvals, at SO', () => {
    let state = submit('n-1', routeOf('GIAY_KHEN_GIAM_DOC_SO'), at(0), timing).state;

    for (const level of ['UNIT', 'DEPARTMENT'] as const) state = decide(state, approve(level), at(1), timing).state;
    expect(state).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'SO' });
    state = decide(state, approve('SO'), at(2), timing).state;

    expect(state.status).toBe('APPROVED');
    expect(state.decisions).toHaveLength(3);
  });

  it('decides BANG_KHEN_UBND_TP only after the fourth approval, at CITY', () => {
    let state = submit('n-1', routeOf('BANG_KHEN_UBND_TP'), at(0), timing).state;

    for (const level of ['UNIT', 'DEPARTMENT', 'SO'] as const) state = decide(state, approve(level), at(1), timing).state;
    expect(state).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'CITY' });
    state = decide(state, approve('CITY'), at(2), timing).state;

    expect(state.status).toBe('APPROVED');
    expect(state.decisions).toHaveLength(4);
  });

  it('records only the ground of a rejection, never one sent with an approval', () => {
    const state = reach('UNIT');

    const step = decide(state, { ...approve('UNIT'), ground: 'LEGAL_VIOLATION' }, at(1), timing);

    expect(step.transition.decision?.ground).toBeNull();
  });

  it.each(REJECT_GROUNDS.map((g) => [g]))('keeps the ground %s of a rejection', (ground) => {
    const step = decide(reach('DEPARTMENT'), { level: 'DEPARTMENT', decision: 'REJECT', ground, comment: 'x', requestId: 'r', reviewer: 'r' }, at(9), timing);

    expect(step.state.decisions.at(-1)?.ground).toBe(ground);
  });

  it('records the deputy and the reviewer they act for', () => {
    const step = decide(reach('UNIT'), { ...approve('UNIT'), reviewer: 'deputy', onBehalfOf: 'u1.head' }, at(1), timing);

    expect(step.transition.decision).toMatchObject({ reviewer: 'deputy', onBehalfOf: 'u1.head' });
    expect(step.transition.actor).toBe('deputy');
  });

  describe.each(FOUR_LEVELS.map((l) => [l]))('returning at %s', (level) => {
    it('waits for the unit within the return window, at the same level', () => {
      const state = reach(level);
      const now = at(30);

      const step = decide(state, { level, decision: 'RETURN', comment: 'Bổ sung biên bản', requestId: 'ret-1', reviewer: 'r' }, now, timing);

      expect(step.state).toMatchObject({ status: 'RETURNED', currentLevel: level, dueAt: null, returnCount: 1, overdue: false });
      expect(step.state.returnDeadline).toBe(plus(now, limits.returnWindowMs));
      expect(step.transition.notify).toEqual([{ kind: 'RETURNED', audience: 'CLERKS' }]);
    });

    it('goes back to review at the same level with a fresh time limit on resubmission', () => {
      const returned = returnedAt(level);
      const now = at(70);

      const step = resubmit(returned, { requestId: 'resub-1', actor: 'u1.clerk', comment: 'Đã bổ sung', achievements: 'x'.repeat(30) }, now, timing);

      expect(step.state).toMatchObject({ status: 'IN_REVIEW', currentLevel: level, returnDeadline: null, returnCount: 1, seq: returned.seq + 1 });
      expect(step.state.dueAt).toBe(plus(now, limits.levelLimitMs[level]));
      expect(step.transition).toMatchObject({ kind: 'RESUBMITTED', actor: 'u1.clerk', comment: 'Đã bổ sung', achievements: 'x'.repeat(30) });
      expect(step.transition.notify).toEqual([{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level }]);
    });
  });

  it('counts every return of the same nomination', () => {
    let state = returnedAt('UNIT');
    state = resubmit(state, { requestId: 's1', actor: 'c', comment: 'bổ sung' }, at(51), timing).state;
    state = decide(state, { level: 'UNIT', decision: 'RETURN', comment: 'lần 2', requestId: 'ret-2', reviewer: 'r' }, at(52), timing).state;

    expect(state.returnCount).toBe(2);
  });

  describe('withdrawing', () => {
    it('ends a nomination under review and tells the level reviewers', () => {
      const state = reach('DEPARTMENT');

      const step = withdraw(state, { requestId: 'w-1', actor: 'u1.clerk', reason: 'Không đủ thời gian' }, at(20));

      expect(step.state).toMatchObject({ status: 'WITHDRAWN', currentLevel: null, dueAt: null, seq: state.seq + 1 });
      expect(step.transition).toMatchObject({ kind: 'WITHDRAWN', actor: 'u1.clerk', comment: 'Không đủ thời gian' });
      expect(step.transition.notify).toEqual([{ kind: 'WITHDRAWN', audience: 'LEVEL_REVIEWERS', level: 'DEPARTMENT' }]);
    });

    it('ends a returned nomination without waking the reviewers, who are not waiting on it', () => {
      const state = returnedAt('SO');

      const step = withdraw(state, { requestId: 'w-1', actor: 'u1.clerk', reason: 'Rút' }, at(80));

      expect(step.state).toMatchObject({ status: 'WITHDRAWN', currentLevel: null, returnDeadline: null });
      expect(step.transition.notify).toEqual([]);
    });
  });

  describe('commands in the wrong state', () => {
    it.each(FINAL_STATUSES.map((s) => [s]))('refuses to withdraw a %s nomination with INVALID_STATE', (status) => {
      const state = finalState(status);

      expect(state.status).toBe(status);
      expect(checkWithdraw(state)?.code).toBe('INVALID_STATE');
      expect(() => withdraw(state, { requestId: 'w-x', actor: 'c', reason: 'r' }, at(90))).toThrow();
    });

    it.each([...FINAL_STATUSES, 'RETURNED' as const].map((s) => [s]))('refuses to decide a %s nomination with INVALID_STATE', (status) => {
      const state = status === 'RETURNED' ? returnedAt('UNIT') : finalState(status);

      expect(checkDecide(state, { level: 'UNIT' })?.code).toBe('INVALID_STATE');
      expect(() => decide(state, approve('UNIT', 'late'), at(90), timing)).toThrow();
    });

    it.each([...FINAL_STATUSES, 'IN_REVIEW' as const].map((s) => [s]))('refuses to resubmit a %s nomination with INVALID_STATE', (status) => {
      const state = status === 'IN_REVIEW' ? reach('UNIT') : finalState(status);

      expect(checkResubmit(state)?.code).toBe('INVALID_STATE');
      expect(() => resubmit(state, { requestId: 's-x', actor: 'c', comment: 'c' }, at(90), timing)).toThrow();
    });

    it('refuses a decision for another level with LEVEL_MISMATCH naming the level', () => {
      const state = reach('DEPARTMENT');

      const error = checkDecide(state, { level: 'SO' });

      expect(error).toMatchObject({ code: 'LEVEL_MISMATCH', details: [{ path: 'level' }] });
      expect(() => decide(state, approve('SO'), at(9), timing)).toThrow();
      // An already passed level is as wrong as a future one.
      expect(checkDecide(state, { level: 'UNIT' })?.code).toBe('LEVEL_MISMATCH');
    });

    it('accepts the commands that fit the state', () => {
      expect(checkDecide(reach('SO'), { level: 'SO' })).toBeNull();
      expect(checkResubmit(returnedAt('SO'))).toBeNull();
      expect(checkWithdraw(reach('SO'))).toBeNull();
      expect(checkWithdraw(returnedAt('SO'))).toBeNull();
    });
  });

  describe('overdue', () => {
    it('keeps waiting at the level and tells its reviewers and the admins', () => {
      const state = reach('DEPARTMENT');

      const step = markOverdue(state, at(200));

      expect(step.state).toMatchObject({ status: 'IN_REVIEW', currentLevel: 'DEPARTMENT', overdue: true, dueAt: state.dueAt, seq: state.seq + 1 });
      expect(step.transition.kind).toBe('OVERDUE');
      expect(step.transition.notify).toEqual(
        expect.arrayContaining([
          { kind: 'OVERDUE', audience: 'LEVEL_REVIEWERS', level: 'DEPARTMENT' },
          { kind: 'OVERDUE', audience: 'ADMINS', level: 'DEPARTMENT' },
        ]),
      );
      expect(step.transition.notify).toHaveLength(2);
    });

    it('is cleared by the decision that moves the nomination on', () => {
      const overdue = markOverdue(reach('DEPARTMENT'), at(200)).state;

      const step = decide(overdue, approve('DEPARTMENT'), at(201), timing);

      expect(step.state).toMatchObject({ overdue: false, currentLevel: 'SO' });
      expect(step.state.dueAt).toBe(plus(at(201), limits.levelLimitMs.SO));
    });
  });

  it('expires a returned nomination the unit did not resubmit', () => {
    const state = returnedAt('DEPARTMENT');

    const step = expire(state, at(300));

    expect(step.state).toMatchObject({ status: 'EXPIRED', currentLevel: null, returnDeadline: null, dueAt: null, seq: state.seq + 1 });
    expect(step.transition.kind).toBe('EXPIRED');
    expect(step.transition.notify).toEqual([{ kind: 'EXPIRED', audience: 'CLERKS' }]);
  });

  describe('isDuplicate', () => {
    it('knows the request ids of decisions, resubmissions and withdrawals', () => {
      let state = reach('UNIT');
      state = decide(state, { level: 'UNIT', decision: 'RETURN', comment: 'c', requestId: 'decision-1', reviewer: 'r' }, at(1), timing).state;
      state = resubmit(state, { requestId: 'resubmit-1', actor: 'c', comment: 'c' }, at(2), timing).state;
      state = withdraw(state, { requestId: 'withdraw-1', actor: 'c', reason: 'r' }, at(3)).state;

      expect(isDuplicate(state, 'decision-1')).toBe(true);
      expect(isDuplicate(state, 'resubmit-1')).toBe(true);
      expect(isDuplicate(state, 'withdraw-1')).toBe(true);
      expect(isDuplicate(state, 'never-sent')).toBe(false);
    });

    it('knows nothing on a fresh submission', () => {
      expect(isDuplicate(submit('n-1', FOUR_LEVELS, at(0), timing).state, 'approve-UNIT')).toBe(false);
    });
  });

  describe('validateRoute', () => {
    it.each([[['UNIT', 'DEPARTMENT', 'SO', 'CITY']], [['UNIT', 'DEPARTMENT', 'SO']], [['UNIT', 'SO']], [['CITY']]])('accepts %j', (route) => {
      expect(validateRoute(route)).toBe(true);
    });

    it.each([[[]], [['SO', 'UNIT']], [['UNIT', 'UNIT']], [['UNIT', 'WARD']], [['unit']]])('refuses %j', (route) => {
      expect(validateRoute(route)).toBe(false);
    });
  });

  describe('catalogueAt', () => {
    it('uses each version from its effective date until the next one', () => {
      expect(catalogueAt('2024-01-01').version).toBe('2024.1');
      expect(catalogueAt('2025-06-30').version).toBe('2024.1');
      expect(catalogueAt('2025-07-01').version).toBe('2025.1');
      expect(catalogueAt('2026-12-07').version).toBe('2025.1');
      expect(catalogueAt('2026-12-08').version).toBe('2026.1');
      expect(catalogueAt('2030-12-31T23:59:59.000Z').version).toBe('2026.1');
    });

    it('judges a submission dated before the first version by the oldest version', () => {
      expect(catalogueAt('2001-01-01')).toBe(CATALOGUE[0]);
    });

    it('picks the latest version in force on the day, wherever it sits in the list', () => {
      // A private copy of the module, so the versions added here do not leak into other tests.
      let mod!: typeof AwardCatalogue;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules hands a fresh copy to require() only
        mod = require('./award-catalogue');
      });
      const base = mod.CATALOGUE[mod.CATALOGUE.length - 1]!;
      const v2028: CatalogueVersion = { ...base, version: '2028.1', effectiveFrom: '2028-01-01' };
      const v2027: CatalogueVersion = { ...base, version: '2027.1', effectiveFrom: '2027-07-01' };
      (mod.CATALOGUE as CatalogueVersion[]).push(v2028, v2027);

      expect(mod.catalogueAt('2024-01-01').version).toBe('2024.1');
      expect(mod.catalogueAt('2027-06-30').version).toBe(base.version);
      expect(mod.catalogueAt('2027-07-01').version).toBe('2027.1');
      expect(mod.catalogueAt('2027-12-31T10:00:00.000Z').version).toBe('2027.1');
      expect(mod.catalogueAt('2028-01-01').version).toBe('2028.1');
      expect(mod.catalogueAt('2031-05-05').version).toBe('2028.1');
    });
  });

  describe('random sequences of valid commands', () => {
    // mulberry32: a tiny seeded generator, so a failure is reproducible from the seed alone.
    function rng(seed: number): () => number {
      let a = seed >>> 0;
      return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    function validCommands(state: NominationState, n: number): ((now: Date) => Step)[] {
      const level = state.currentLevel!;
      const id = `req-${n}`;
      if (state.status === 'IN_REVIEW') {
        const commands: ((now: Date) => Step)[] = [
          (now) => decide(state, approve(level, id), now, timing),
          (now) => decide(state, approve(level, `${id}-again`), now, timing),
          (now) => decide(state, { level, decision: 'RETURN', comment: 'c', requestId: id, reviewer: 'r' }, now, timing),
          (now) => decide(state, { level, decision: 'REJECT', comment: 'c', ground: 'INCOMPLETE_DOSSIER', requestId: id, reviewer: 'r' }, now, timing),
          (now) => withdraw(state, { requestId: id, actor: 'c', reason: 'r' }, now),
        ];
        if (!state.overdue) commands.push((now) => markOverdue(state, now));
        return commands;
      }
      if (state.status === 'RETURNED') {
        return [
          (now) => resubmit(state, { requestId: id, actor: 'c', comment: 'c' }, now, timing),
          (now) => resubmit(state, { requestId: `${id}-b`, actor: 'c', comment: 'c' }, now, timing),
          (now) => withdraw(state, { requestId: id, actor: 'c', reason: 'r' }, now),
          (now) => expire(state, now),
        ];
      }
      return [];
    }

    it('never leave a final nomination at a level, and number every transition', () => {
      for (let seed = 1; seed <= 400; seed++) {
        const random = rng(seed);
        const route = random() < 0.5 ? THREE_LEVELS : FOUR_LEVELS;
        let step = submit(`n-${seed}`, route, at(0), timing);
        let transitions = 1;
        let decisions = 0;

        for (let n = 0; n < 40 && !isFinal(step.state.status); n++) {
          const commands = validCommands(step.state, n);
          const pick = commands[Math.floor(random() * commands.length)]!;
          const prev = step.state;
          step = pick(at(n + 1));
          transitions++;
          if (step.state.decisions.length > prev.decisions.length) decisions++;

          const { state, transition } = step;
          const context = `seed ${seed}, step ${n}, ${prev.status} -> ${state.status}`;
          expect({ context, seq: state.seq, transitionSeq: transition.seq }).toEqual({ context, seq: transitions, transitionSeq: transitions });
          expect({ context, decisions: state.decisions.length }).toEqual({ context, decisions });
          if (isFinal(state.status)) {
            expect({ context, currentLevel: state.currentLevel, dueAt: state.dueAt, returnDeadline: state.returnDeadline }).toEqual({
              context,
              currentLevel: null,
              dueAt: null,
              returnDeadline: null,
            });
          } else {
            expect({ context, onRoute: route.includes(state.currentLevel!) }).toEqual({ context, onRoute: true });
          }
          if (state.status === 'IN_REVIEW') expect({ context, dueAt: typeof state.dueAt }).toEqual({ context, dueAt: 'string' });
          if (state.status === 'RETURNED') {
            expect({ context, dueAt: state.dueAt, returnDeadline: typeof state.returnDeadline }).toEqual({ context, dueAt: null, returnDeadline: 'string' });
          }
        }

        // A finished nomination refuses every further command.
        if (isFinal(step.state.status)) {
          expect(checkWithdraw(step.state)?.code).toBe('INVALID_STATE');
          expect(checkResubmit(step.state)?.code).toBe('INVALID_STATE');
          expect(checkDecide(step.state, { level: 'UNIT' })?.code).toBe('INVALID_STATE');
        }
      }
    });
  });
});

describe('the law’s steps (v5)', () => {
  const t0 = new Date('2026-11-02T02:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);
  const planner = { levelDue: () => '2026-11-20T10:00:00.000Z', returnDeadline: () => null };
  const base = submit('n', ['SO', 'CITY'], t0, planner).state;
  const atCity = decide(base, { level: 'SO', decision: 'APPROVE', requestId: 'so', reviewer: 'so.council' }, t0, planner, {
    entering: { postingEndsAt: later(1000).toISOString(), consultation: { dueAt: later(2000).toISOString(), agencies: ['SNV', 'CATP'] } },
  });

  it('entering the level starts the posting and asks the agencies', () => {
    expect(atCity.transition.consultation).toEqual({ dueAt: later(2000).toISOString(), agencies: ['SNV', 'CATP'] });
    expect(atCity.transition.gates).toMatchObject({ postingOpen: true, consultationOpen: true });
    expect(checkGates(atCity.state)?.code).toBe('INVALID_STATE');
  });

  it('the level may decide once the posting ended and every agency answered', () => {
    const posted = endPosting(atCity.state, later(1000)).state;
    const one = giveOpinion(posted, { agency: 'SNV', answer: 'AGREE', actor: 'snv.officer', requestId: 'o1' }, later(1100));
    expect(checkGates(one.state)?.code).toBe('INVALID_STATE');
    expect(checkOpinion(one.state, 'SNV')?.code).toBe('INVALID_STATE');
    const both = giveOpinion(one.state, { agency: 'CATP', answer: 'DISAGREE', comment: 'Cần xác minh', actor: 'catp.officer', requestId: 'o2' }, later(1200));
    expect(both.state.consultation?.closed).toBe(true);
    expect(checkGates(both.state)).toBeNull();
    expect(both.transition.notify).toEqual([{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level: 'CITY' }]);
  });

  it('a hold suspends the level and its lifting moves the deadline by the time suspended', () => {
    const held = suspend(atCity.state, { holdId: 'h', endsAt: '2099-12-31T17:00:00.000Z', actor: 'admin', requestId: 'hold' }, t0);
    expect(checkGates(held.state)?.code).toBe('ON_HOLD');
    const due = resumedDeadline(held.state, later(3_600_000));
    expect(due).toBe('2026-11-20T11:00:00.000Z');
    const resumed = liftHold(held.state, 'h', later(3_600_000), due);
    expect(resumed.state).toMatchObject({ holds: [], suspendedSince: null, dueAt: due, dueOverride: due });
  });
});

describe('consulted agencies each with their own deadline (v6)', () => {
  const t0 = new Date('2026-11-02T02:00:00Z');
  const later = (ms: number) => new Date(t0.getTime() + ms).toISOString();
  const planner = { levelDue: () => '2026-11-20T10:00:00.000Z', returnDeadline: () => null };
  const base = submit('n', ['SO', 'CITY'], t0, planner).state;
  const deadlines = { SNV: later(1000), CATP: later(3000) };
  const atCity = decide(base, { level: 'SO', decision: 'APPROVE', requestId: 'so', reviewer: 'so.council' }, t0, planner, {
    entering: { consultation: { dueAt: later(3000), agencies: ['SNV', 'CATP'], deadlines } },
  });

  it('writes each agency’s deadline as the requests are sent', () => {
    expect(atCity.transition.consultation).toEqual({ dueAt: later(3000), agencies: ['SNV', 'CATP'], deadlines });
    expect(nextAgencyDeadline(atCity.state.consultation!)).toBe(later(1000));
  });

  it('one agency’s deadline passing marks it alone overdue; the other still answers, and that closes the consultation', () => {
    const lapsed = lapseOpinions(atCity.state, new Date(later(1000)));
    expect(lapsed.transition).toMatchObject({ kind: 'OPINIONS_OVERDUE', overdueAgencies: ['SNV'], notify: [] });
    expect(lapsed.state.consultation).toMatchObject({ lapsed: ['SNV'], closed: false });
    expect(checkOpinion(lapsed.state, 'SNV')?.message).toContain('quá hạn');
    expect(checkOpinion(lapsed.state, 'CATP')).toBeNull();
    expect(nextAgencyDeadline(lapsed.state.consultation!)).toBe(later(3000));
    expect(checkGates(lapsed.state)?.code).toBe('INVALID_STATE');

    const answered = giveOpinion(lapsed.state, { agency: 'CATP', answer: 'AGREE', actor: 'catp.officer', requestId: 'o' }, new Date(later(2000)));
    expect(answered.state.consultation?.closed).toBe(true);
    expect(checkGates(answered.state)).toBeNull();
    expect(answered.transition.notify).toEqual([{ kind: 'REVIEW_REQUESTED', audience: 'LEVEL_REVIEWERS', level: 'CITY' }]);
  });

  it('the last deadline passing unanswered closes the consultation with both overdue', () => {
    const first = lapseOpinions(atCity.state, new Date(later(1000))).state;
    const last = lapseOpinions(first, new Date(later(3000)));
    expect(last.transition.overdueAgencies).toEqual(['CATP']);
    expect(last.state.consultation).toMatchObject({ lapsed: ['SNV', 'CATP'], closed: true });
    expect(last.transition.gates).toMatchObject({ consultationOpen: false, consultationDueAt: later(3000) });
  });

  it('the row’s gates refuse as the workflow’s state does (council ballots read the row)', () => {
    const open = { postingEndsAt: later(1000), postingOpen: true, consultationDueAt: null, consultationOpen: false, suspendedSince: null };
    expect(gateRefusal(open)?.code).toBe('INVALID_STATE');
    expect(gateRefusal({ ...open, suspendedSince: later(0) })?.code).toBe('ON_HOLD');
    expect(gateRefusal({ ...open, postingOpen: false })).toBeNull();
  });
});
