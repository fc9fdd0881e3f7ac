// `npm run bench:statistics`: how fast the statistics answer over a large year. Writes 30,000 nominations
// and 100,000 level decisions straight into a fresh database on this machine's PostgreSQL
// (STATISTICS_BENCH_SERVER, default postgresql://postgres@127.0.0.1:5432/postgres; dropped afterwards),
// starts the product on it as `npm start` runs it, and times the table, each grouping and the Excel file.
//
//   npm run bench:statistics                       30,000 nominations, 100,000 decisions, 20 timed requests each
//   npm run bench:statistics -- --nominations=10000 --requests=50
import { Client } from 'pg';
import { createDatabase, databaseUrl, dropDatabase } from '../../libs/devtools/migrate';
import { ApiClient } from './http';
import { startStack } from './stack';

const say = (line: string) => console.log(`[bench:statistics] ${line}`);
const YEAR = 2026;

function option(name: string, fallback: number): number {
  const value = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const parsed = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive whole number`);
  return parsed;
}

async function main(): Promise<void> {
  const nominations = option('nominations', 30_000);
  const requests = option('requests', 20);
  const server = process.env.STATISTICS_BENCH_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `tdkt_bench_statistics_${Date.now()}`;
  await createDatabase(server, name);
  const database = databaseUrl(server, name);
  try {
    const stack = await startStack({ ...process.env, DATABASE_URL: database }, { temporalInMemory: true });
    try {
      const decisions = await fill(database, nominations);
      say(`${nominations} nominations and ${decisions} decisions of ${YEAR} in the database`);
      const api = new ApiClient(stack.apiUrl);
      for (const by of ['unit', 'award', 'level', 'month']) {
        await time(`GET /api/statistics?year=${YEAR}&by=${by}`, requests, () => api.get('admin', `/api/statistics?year=${YEAR}&by=${by}`));
      }
      await time(`GET /api/statistics.xlsx?year=${YEAR}&by=unit`, requests, () => workbook(stack.apiUrl, api));
      await time(`GET /api/statistics?year=${YEAR}&by=unit as dept-a.reviewer`, requests, () =>
        api.get('dept-a.reviewer', `/api/statistics?year=${YEAR}&by=unit`),
      );
    } finally {
      await stack.stop();
    }
  } finally {
    await dropDatabase(server, name);
  }
}

/**
 * The year's rows, as a large Sở would have them: statuses, levels, units and awards mixed, three or four
 * decisions each (the database's trigger sets each decision's level start and deadline as it is written).
 */
async function fill(url: string, count: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    await client.query(
      `INSERT INTO nominations (id, award_code, catalogue_version, year, unit_code, nominee, achievements, route, status,
                                current_level, due_at, overdue, submitted_by, request_id, workflow_id, created_at, updated_at, version)
       SELECT id, award, '2025.1', $2, unit, jsonb_build_object('kind', 'INDIVIDUAL', 'fullName', 'Người thứ ' || i),
              'Hoàn thành xuất sắc nhiệm vụ được giao trong năm.', ARRAY['UNIT', 'DEPARTMENT', 'SO']::"Level"[], status,
              CASE WHEN status = 'IN_REVIEW' THEN 'SO'::"Level" END, created + interval '40 days',
              status = 'IN_REVIEW' AND i % 7 = 0, lower(unit) || '.clerk', 'bench-' || i, 'nomination-' || id, created, created, 4
         FROM (SELECT i, gen_random_uuid() AS id,
                      (ARRAY['LAO_DONG_TIEN_TIEN', 'GIAY_KHEN_GIAM_DOC_SO', 'CSTD_CO_SO', 'BANG_KHEN_UBND_TP'])[1 + i % 4] AS award,
                      (ARRAY['U1', 'U2', 'U3'])[1 + i % 3] AS unit,
                      (ARRAY['IN_REVIEW', 'APPROVED', 'APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN'])[1 + i % 6]::"NominationStatus" AS status,
                      timestamptz '2026-01-05 08:00+07' + (i % 300) * interval '1 day' AS created
                 FROM generate_series(1, $1::int) i) n`,
      [count, YEAR],
    );
    const { rowCount } = await client.query(
      `INSERT INTO decisions (id, nomination_id, seq, level, decision, reviewer, request_id, decided_at)
       SELECT gen_random_uuid(), n.id, s + 1, (ARRAY['UNIT', 'DEPARTMENT', 'SO', 'SO'])[s]::"Level", 'APPROVE', 'bench.reviewer',
              'bench-' || s, n.created_at + s * interval '3 days' + (hashtext(n.id::text) % 5) * interval '1 day'
         FROM (SELECT id, created_at, row_number() OVER (ORDER BY id) AS rn FROM nominations WHERE year = $1) n
        CROSS JOIN LATERAL generate_series(1, CASE WHEN n.rn % 3 = 0 THEN 4 ELSE 3 END) s
        ORDER BY n.id, s`,
      [YEAR],
    );
    await client.query('ANALYZE nominations; ANALYZE decisions');
    say(`written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function workbook(apiUrl: string, api: ApiClient): Promise<void> {
  const res = await fetch(`${apiUrl}/api/statistics.xlsx?year=${YEAR}&by=unit`, { headers: { authorization: `Bearer ${await api.token('admin')}` } });
  if (res.status !== 200) throw new Error(`statistics.xlsx: ${res.status}`);
  await res.arrayBuffer();
}

/** Three requests to warm up, then `n` timed one after another; prints p50, p95 and the slowest. */
async function time(label: string, n: number, call: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
  say(`${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${n} requests)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
