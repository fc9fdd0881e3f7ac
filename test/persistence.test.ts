import { MockActivityEnvironment } from '@temporalio/testing';
import { createNominationActivities } from '../activities/nomination.activities';
import { NominationRepository } from '../libs/db/nomination.repository';
import { decide, submit, timingPlanner } from '../libs/domain/nomination-machine';
import { Harness } from './support/harness';

describe('the persisting activity, run more than once as Temporal may', () => {
  let sut: Harness;
  beforeAll(async () => {
    sut = await Harness.start();
  });
  afterAll(async () => {
    await sut.close();
  });

  it('writes each transition exactly once, retried or raced', async () => {
    const n = await sut.submit();
    await sut.waitForRow(n.id, (row) => row.version >= 1);
    const activities = createNominationActivities({ nominations: sut.app.get(NominationRepository) });
    const timing = timingPlanner({ levelLimitMs: { UNIT: 1000, DEPARTMENT: 1000, SO: 1000, CITY: 1000 }, returnWindowMs: 1000 });
    const submitted = submit(n.id, ['UNIT', 'DEPARTMENT', 'SO', 'CITY'], new Date(), timing);
    const approved = decide(submitted.state, { level: 'UNIT', decision: 'APPROVE', requestId: 'direct-1', reviewer: 'u1.head' }, new Date(), timing);
    const env = new MockActivityEnvironment();

    await env.run(activities.persistTransition, approved.transition);
    await env.run(activities.persistTransition, approved.transition);
    await Promise.all([1, 2, 3].map(() => env.run(activities.persistTransition, approved.transition).catch(() => 'lost the race')));
    // Re-running the older SUBMITTED transition must not roll the row back.
    await env.run(activities.persistTransition, submitted.transition);

    expect(await sut.prisma.decision.count({ where: { nominationId: n.id } })).toBe(1);
    expect(await sut.prisma.auditEvent.count({ where: { nominationId: n.id, seq: 2 } })).toBe(1);
    expect(await sut.prisma.notification.count({ where: { nominationId: n.id, seq: 2 } })).toBe(1);
    const row = await sut.prisma.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect(row).toMatchObject({ currentLevel: 'DEPARTMENT', version: 2 });
  });
});
