import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../libs/db/generated/client';
import { DEMO_ORGS, DEMO_USERS, demoEmail } from './demo-organisation';

/** Seeds the demo organisation; safe to run on every start (upserts). */
export async function seedDemo(databaseUrl: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    for (const org of DEMO_ORGS) {
      await prisma.org.upsert({ where: { code: org.code }, create: org, update: org });
    }
    for (const user of DEMO_USERS) {
      const data = { ...user, email: demoEmail(user.username) };
      await prisma.user.upsert({ where: { username: user.username }, create: data, update: data });
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
    () => console.log(`seeded ${DEMO_ORGS.length} organisations and ${DEMO_USERS.length} users`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
