import { db } from "@/lib/db";

export type CountedStatements = { count: number; statements: string[] };

let sink: string[] | null = null;
let subscribed = false;

/**
 * Runs `work` and returns every SQL statement the app's Prisma client sent meanwhile, including
 * transaction control: each is a round trip and a turn of the query engine. Calls must not overlap
 * (vitest runs a file's tests one after another).
 */
export async function countStatements(work: () => Promise<unknown>): Promise<CountedStatements> {
  if (!subscribed) {
    db().$on("query", (event) => sink?.push(event.query));
    subscribed = true;
  }
  if (sink) throw new Error("countStatements calls must not overlap.");
  const statements: string[] = [];
  sink = statements;
  try {
    await work();
  } finally {
    sink = null;
  }
  return { count: statements.length, statements };
}
