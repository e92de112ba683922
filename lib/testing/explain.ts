import { expect } from "vitest";
import { db } from "@/lib/db";

export type CapturedQuery = { sql: string; params: unknown[] };

let sink: CapturedQuery[] | null = null;
let subscribed = false;

/**
 * Runs `work` and returns every SQL statement the app's Prisma client sent meanwhile. Transaction
 * control is left out unless asked for: it has no plan to EXPLAIN, but each is a round trip, which
 * is what a statement count measures.
 */
export async function captureQueries(work: () => Promise<unknown>, { transactionControl = false } = {}): Promise<CapturedQuery[]> {
  if (!subscribed) {
    db().$on("query", (event) => sink?.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
    subscribed = true;
  }
  const queries: CapturedQuery[] = [];
  sink = queries;
  try {
    await work();
  } finally {
    sink = null;
  }
  return transactionControl ? queries : queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK|SET|SELECT 1)\b/i.test(q.sql.trim()));
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** The tables a statement reads with a sequential scan, from its EXPLAIN plan. */
export async function sequentialScans(query: CapturedQuery): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${query.sql}`, ...query.params);
  const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
  const scans: string[] = [];
  if (plan) walk(plan, (node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] && scans.push(node["Relation Name"]));
  return scans;
}

/** Runs `work` and fails if any statement it sends scans one of the `grown` tables sequentially. */
export async function expectIndexed(grown: readonly string[], work: () => Promise<unknown>): Promise<void> {
  const queries = await captureQueries(work);
  expect(queries.length).toBeGreaterThan(0);
  for (const query of queries) {
    const scans = (await sequentialScans(query)).filter((table) => grown.includes(table));
    expect(scans, query.sql).toEqual([]);
  }
}
