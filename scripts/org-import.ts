// `npm run org:import -- [--if-empty] FILE.json`: loads the organisation and its people into the database
// named by DATABASE_URL, validated and applied exactly as `PUT /api/admin/organisation` does, for a new
// installation before anyone can sign in. Exits 1 listing every problem, with nothing changed.
// With --if-empty it imports only into a database that holds no organisation yet: the compose job runs
// at every `docker compose up`, and must never undo what the admins changed since (the page, the API).
import { PrismaPg } from '@prisma/adapter-pg';
import { readFile } from 'node:fs/promises';
import { PrismaClient } from '../libs/db/generated/client';
import { importOrganisation } from '../libs/db/organisation-import';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const ifEmpty = args[0] === '--if-empty';
  const [file, ...rest] = ifEmpty ? args.slice(1) : args;
  const url = process.env.DATABASE_URL;
  if (!file || rest.length > 0) {
    console.error('usage: npm run org:import -- [--if-empty] FILE.json');
    return 2;
  }
  if (!url) {
    console.error('DATABASE_URL is required');
    return 2;
  }
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (ifEmpty && (await prisma.org.count()) > 0) {
      console.log(`the database already holds an organisation: ${file} not imported (--if-empty)`);
      return 0;
    }
    const outcome = await importOrganisation(prisma, document, 'cli:org-import');
    if (!outcome.ok) {
      console.error(`${file}: ${outcome.problems.length} problems; nothing was imported`);
      for (const { path, message } of outcome.problems) console.error(`  ${path}: ${message}`);
      return 1;
    }
    const { orgs, users, deactivated } = outcome.value;
    console.log(`imported ${orgs} organisations and ${users} users from ${file}`);
    if (deactivated.orgs.length > 0) console.log(`deactivated organisations: ${deactivated.orgs.join(', ')}`);
    if (deactivated.users.length > 0) console.log(`deactivated users: ${deactivated.users.join(', ')}`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
