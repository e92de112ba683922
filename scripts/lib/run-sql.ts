import pg from "pg";

/** Runs one statement (or a whole script, simple protocol) on its own short-lived connection. */
export async function runSql<Row extends Record<string, unknown> = Record<string, unknown>>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}
