/**
 * Task timings on 500 000 tasks (5 per incident of the incident bench's 100 000): My tasks, the
 * board's filters and the overdue count. Usage: `npx tsx bench/tasks.ts` with BENCH_DATABASE_URL
 * (run bench/incidents.ts first, or this seeds everything). Never part of `npm test`.
 */
import { createPrismaClient } from "../lib/db";
import { BENCH_VOLUME, seedVolume, seedVolumeTasks } from "./volume";
import { measure, printTimings } from "./measure";

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("Set BENCH_DATABASE_URL to an empty, migrated database.");
  process.exit(1);
}
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

const { listMyTasks, listTeamTasks, overdueCount } = await import("../lib/tasks/queries");
const { taskFiltersSchema } = await import("../lib/tasks/schema");
const { db } = await import("../lib/db");

const admin = createPrismaClient(url, 2);
if ((await admin.incident.count({ where: { teamId: { startsWith: "vol-team-" } } })) === 0) await seedVolume(admin, BENCH_VOLUME);
else if ((await admin.task.count({ where: { teamId: { startsWith: "vol-team-" } } })) === 0) {
  const started = Date.now();
  await seedVolumeTasks(admin, BENCH_VOLUME);
  console.log(`Seeded tasks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`${await admin.task.count()} tasks.`);

const team = "vol-team-7";
const actor = { userId: "vol-user-31", teamId: team, role: "OWNER" as const };
const filters = (input: Record<string, unknown> = {}) => taskFiltersSchema.parse(input);
const firstMine = await listMyTasks("vol-user-33");

const timings = [
  await measure("My tasks, first page", () => listMyTasks("vol-user-33")),
  await measure("My tasks, second page", () => listMyTasks("vol-user-33", firstMine.nextCursor)),
  await measure("board, open tasks", () => listTeamTasks(actor, team, filters(), "UTC")),
  await measure("board, overdue", () => listTeamTasks(actor, team, filters({ due: "overdue" }), "UTC")),
  await measure("board, owner + type", () => listTeamTasks(actor, team, filters({ owner: "vol-user-32", type: ["PREVENTIVE"] }), "UTC")),
  await measure("board, done (closed)", () => listTeamTasks(actor, team, filters({ status: ["DONE"] }), "UTC")),
  await measure("overdue count (navigation)", () => overdueCount(actor, team, "UTC")),
];
printTimings("Server time per task query (in-process, 2-core machine)", timings);
await admin.$disconnect();
await db().$disconnect();
