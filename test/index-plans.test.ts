import { Client } from 'pg';

/**
 * The queries behind the inbox, the lists, the stuck view and the campaigns use an index once the
 * tables hold a few thousand rows (a year-end round holds thousands open at once). The rows live in
 * a schema of their own, so the other tests' data and counts are untouched.
 */
describe('query plans on a few thousand rows', () => {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  const SCHEMA = 'index_plans';

  beforeAll(async () => {
    await db.connect();
    await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
    // The same tables and indexes as the migrations made, filled with a year-end round's worth of rows.
    await db.query(`CREATE TABLE ${SCHEMA}.nominations (LIKE public.nominations INCLUDING ALL)`);
    await db.query(`CREATE TABLE ${SCHEMA}.decisions (LIKE public.decisions INCLUDING ALL)`);
    await db.query(`
      INSERT INTO ${SCHEMA}.nominations (id, award_code, catalogue_version, year, unit_code, nominee, achievements, campaign_id, route,
        status, current_level, due_at, submitted_by, request_id, workflow_id, created_at, updated_at)
      SELECT gen_random_uuid(), 'BANG_KHEN_UBND_TP', '2025.1', 2026, 'U' || (i % 30), '{"kind":"INDIVIDUAL","fullName":"X"}', 'x',
        'campaign-' || (i % 50), ARRAY['UNIT','DEPARTMENT','SO','CITY']::"Level"[],
        (CASE WHEN i % 5 = 0 THEN 'IN_REVIEW' ELSE 'APPROVED' END)::"NominationStatus",
        (CASE WHEN i % 5 = 0 THEN (ARRAY['UNIT','DEPARTMENT','SO','CITY'])[1 + i % 4] END)::"Level",
        now() + (i || ' minutes')::interval, 'u1.clerk', 'r' || i, 'nomination-' || i,
        now() - (i || ' minutes')::interval, now()
      FROM generate_series(1, 5000) AS i`);
    await db.query(`
      INSERT INTO ${SCHEMA}.decisions (id, nomination_id, seq, level, decision, reviewer, request_id, decided_at)
      SELECT gen_random_uuid(), n.id, 2, 'UNIT', 'APPROVE', 'u1.head', 'd' || n.request_id, n.created_at + interval '1 hour'
      FROM ${SCHEMA}.nominations n`);
    await db.query(`ANALYZE ${SCHEMA}.nominations; ANALYZE ${SCHEMA}.decisions`);
  });
  afterAll(async () => {
    await db.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await db.end();
  });

  const plan = async (sql: string) => {
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  it.each([
    [
      'the inbox: waiting at a level, earliest due first',
      `SELECT id FROM ${SCHEMA}.nominations WHERE status = 'IN_REVIEW' AND current_level = 'SO' ORDER BY due_at LIMIT 50`,
      /nominations_status_current_level_(due_at|overdue)_idx/,
    ],
    [
      'the overdue work of the stuck view',
      `SELECT id FROM ${SCHEMA}.nominations WHERE status = 'IN_REVIEW' AND current_level = 'UNIT' AND due_at < now() + interval '1 day'`,
      /nominations_status_current_level_(due_at|overdue)_idx/,
    ],
    ['a campaign’s nominations', `SELECT id FROM ${SCHEMA}.nominations WHERE campaign_id = 'campaign-7'`, 'nominations_campaign_id_idx'],
    ['the newest nominations first', `SELECT id FROM ${SCHEMA}.nominations ORDER BY created_at DESC LIMIT 20`, 'nominations_created_at_idx'],
    ['the decisions of a period', `SELECT id FROM ${SCHEMA}.decisions WHERE decided_at >= now() - interval '2 hours'`, 'decisions_decided_at_idx'],
  ])('%s uses its index', async (_what, sql, index) => {
    expect(await plan(sql)).toMatch(index);
  });
});
