import type pg from "pg";

/**
 * Jobs per queue and state, read from pg-boss's own tables (schema "pgboss"), so any instance can
 * report the queue whether or not it works it. Nothing before pg-boss has created its schema.
 */
export async function jobQueueStats(pool: pg.Pool): Promise<{ queue: string; state: string; count: number }[]> {
  const { rows } = await pool.query<{ queue: string; state: string; count: number }>(
    `SELECT name AS queue, state::text AS state, count(*)::int AS count FROM pgboss.job GROUP BY 1, 2 ORDER BY 1, 2`,
  ).catch((error: unknown) => {
    if ((error as { code?: string }).code === "42P01") return { rows: [] };
    throw error;
  });
  return rows;
}
