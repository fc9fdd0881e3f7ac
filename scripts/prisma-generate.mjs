// Runs `prisma generate` at install time. Prisma 6.19 wants a well-formed postgresql:// URL even
// for generate (otherwise it tries to download a native engine); the database need not exist.
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? '')) env.DATABASE_URL = 'postgresql://localhost:5432/placeholder';
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
