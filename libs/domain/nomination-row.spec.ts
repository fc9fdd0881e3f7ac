import { checkDecide } from './nomination-machine';
import { stateFromRecord, type NominationRow } from './nomination-row';

const at = (iso: string) => new Date(iso);

const row = (over: Partial<NominationRow> = {}): NominationRow => ({
  id: 'n1',
  route: ['UNIT', 'DEPARTMENT', 'SO', 'CITY'],
  status: 'IN_REVIEW',
  currentLevel: 'DEPARTMENT',
  dueAt: at('2026-03-10T10:00:00.000Z'),
  overdue: false,
  returnDeadline: null,
  returnCount: 1,
  version: 4,
  updatedAt: at('2026-03-03T10:00:00.000Z'),
  postingEndsAt: null,
  postingOpen: false,
  consultationDueAt: null,
  consultationOpen: false,
  suspendedSince: null,
  decisions: [
    {
      level: 'UNIT',
      decision: 'APPROVE',
      reviewer: 'u1.head',
      onBehalfOf: null,
      comment: 'Đồng ý',
      ground: null,
      requestId: 'r1',
      decidedAt: at('2026-03-03T10:00:00.000Z'),
    },
  ],
  opinions: [],
  ...over,
});

describe('the state a nomination row holds', () => {
  it('is the review as the row shows it, the level entered when the row last changed', () => {
    const sut = stateFromRecord(row());

    expect(sut).toEqual({
      nominationId: 'n1',
      route: ['UNIT', 'DEPARTMENT', 'SO', 'CITY'],
      status: 'IN_REVIEW',
      currentLevel: 'DEPARTMENT',
      dueAt: '2026-03-10T10:00:00.000Z',
      overdue: false,
      returnDeadline: null,
      returnCount: 1,
      decisions: [
        {
          level: 'UNIT',
          decision: 'APPROVE',
          reviewer: 'u1.head',
          onBehalfOf: null,
          comment: 'Đồng ý',
          ground: null,
          requestId: 'r1',
          decidedAt: '2026-03-03T10:00:00.000Z',
        },
      ],
      requestIds: [],
      seq: 4,
      levelEnteredAt: '2026-03-03T10:00:00.000Z',
      reminded: false,
      escalated: false,
    });
    expect(checkDecide(sut, { level: 'UNIT' })?.code).toBe('LEVEL_MISMATCH');
  });

  it("carries the law's gates: the posting, the consultation with each agency's answer and deadline", () => {
    const sut = stateFromRecord(
      row({
        currentLevel: 'CITY',
        postingEndsAt: at('2026-03-05T10:00:00.000Z'),
        postingOpen: false,
        consultationDueAt: at('2026-03-20T10:00:00.000Z'),
        consultationOpen: true,
        opinions: [
          { agency: 'CATP', answer: 'AGREE', dueAt: at('2026-03-19T10:00:00.000Z'), overdue: false },
          { agency: 'SNV', answer: null, dueAt: at('2026-03-20T10:00:00.000Z'), overdue: true },
        ],
      }),
    );

    expect(sut.posting).toEqual({ endsAt: '2026-03-05T10:00:00.000Z', ended: true });
    expect(sut.consultation).toEqual({
      dueAt: '2026-03-20T10:00:00.000Z',
      agencies: ['CATP', 'SNV'],
      answered: ['CATP'],
      closed: false,
      deadlines: { CATP: '2026-03-19T10:00:00.000Z', SNV: '2026-03-20T10:00:00.000Z' },
      lapsed: ['SNV'],
    });
  });

  it('keeps a consultation begun before per-agency deadlines without them', () => {
    const sut = stateFromRecord(
      row({ consultationDueAt: at('2026-03-20T10:00:00.000Z'), opinions: [{ agency: 'SNV', answer: null, dueAt: null, overdue: false }] }),
    );

    expect(sut.consultation).toEqual({ dueAt: '2026-03-20T10:00:00.000Z', agencies: ['SNV'], answered: [], closed: true });
  });

  it('is suspended by the holds in force, and an overdue level counts as reminded', () => {
    const holds = [{ holdId: 'h1', endsAt: '2026-04-01T17:00:00.000Z' }];

    const sut = stateFromRecord(row({ suspendedSince: at('2026-03-04T00:00:00.000Z'), overdue: true }), holds);

    expect(sut).toMatchObject({ holds, suspendedSince: '2026-03-04T00:00:00.000Z', overdue: true, reminded: true });
    expect(stateFromRecord(row()).holds).toBeUndefined();
  });
});
