import { db } from "@/lib/db";
import { seedDemo } from "../scripts/db-seed";
import { publishDemo } from "../scripts/seed/publish-demo";

/**
 * Run by e2e/accessibility.spec.ts in a process of its own: the demo team (a resolved incident with
 * a full timeline, tasks and a written postmortem), published; prints the public path. Idempotent.
 */
await seedDemo(process.env.DATABASE_URL ?? "");
console.log(await publishDemo());
await db().$disconnect();
