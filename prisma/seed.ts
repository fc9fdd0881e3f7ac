import { PrismaPg } from '@prisma/adapter-pg';
import { OFFICIAL_CALENDARS } from '../libs/calendar/official-calendars';
import { PrismaClient } from '../libs/db/generated/client';
import { DEMO_AWARD_HISTORY } from './demo-award-history';
import { DEMO_ORGS, DEMO_USERS, demoEmail } from './demo-organisation';

/** Seeds the demo organisation; safe to run on every start (upserts). */
export async function seedDemo(databaseUrl: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    for (const org of DEMO_ORGS) {
      await prisma.org.upsert({ where: { code: org.code }, create: org, update: org });
    }
    for (const user of DEMO_USERS) {
      const data = { councilSeat: null, ...user, email: demoEmail(user.username) };
      await prisma.user.upsert({ where: { username: user.username }, create: data, update: data });
    }
    for (const entry of DEMO_AWARD_HISTORY) {
      const { fullName, unitCode, awardCode, year } = entry;
      await prisma.awardHistory.upsert({
        where: { fullName_unitCode_awardCode_year: { fullName, unitCode, awardCode, year } },
        create: { ...entry, source: 'SEED' },
        update: { decisionRef: entry.decisionRef },
      });
    }
    // Created once: a year an admin has since corrected is theirs, not the seed's.
    for (const [year, { holidays, workingWeekends }] of OFFICIAL_CALENDARS) {
      await prisma.calendarYear.createMany({ data: [{ year, holidays, workingWeekends, updatedBy: 'seed' }], skipDuplicates: true });
    }
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required to seed');
    process.exit(1);
  }
  seedDemo(url).then(
    () => console.log(`seeded ${DEMO_ORGS.length} organisations, ${DEMO_USERS.length} users, ${DEMO_AWARD_HISTORY.length} award history entries`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
