import type { Pool } from 'pg';

export const BENCH_SCHEMA = 'bench';

/** The bare workflow's own tables, beside (never inside) the product's schema. */
export async function createBareTables(pool: Pool): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${BENCH_SCHEMA}`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${BENCH_SCHEMA}.bare_nominations (
    id text PRIMARY KEY, status text NOT NULL, level text, updated_at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${BENCH_SCHEMA}.bare_events (
    id bigserial PRIMARY KEY, nomination_id text NOT NULL, kind text NOT NULL, level text, actor text,
    at timestamptz NOT NULL DEFAULT now())`);
}

/** Each activity makes one real write (the decision one a two-statement transaction, as a transition is). */
export function createBareActivities(pool: Pool) {
  return {
    async persistSubmission(id: string, level: string): Promise<void> {
      await pool.query(`INSERT INTO ${BENCH_SCHEMA}.bare_nominations (id, status, level) VALUES ($1, 'IN_REVIEW', $2) ON CONFLICT (id) DO NOTHING`, [
        id,
        level,
      ]);
    },
    async planLevel(id: string, level: string): Promise<void> {
      await pool.query(`INSERT INTO ${BENCH_SCHEMA}.bare_events (nomination_id, kind, level) VALUES ($1, 'PLANNED', $2)`, [id, level]);
    },
    async persistDecision(id: string, level: string, reviewer: string): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`UPDATE ${BENCH_SCHEMA}.bare_nominations SET level = $2, updated_at = now() WHERE id = $1`, [id, level]);
        await client.query(`INSERT INTO ${BENCH_SCHEMA}.bare_events (nomination_id, kind, level, actor) VALUES ($1, 'DECIDED', $2, $3)`, [id, level, reviewer]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async persistFinal(id: string): Promise<void> {
      await pool.query(`UPDATE ${BENCH_SCHEMA}.bare_nominations SET status = 'APPROVED', level = NULL, updated_at = now() WHERE id = $1`, [id]);
    },
  };
}

export type BareActivities = ReturnType<typeof createBareActivities>;
