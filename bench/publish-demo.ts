import { db } from "@/lib/db";
import { publishDemo } from "../scripts/seed/publish-demo";

/**
 * Gives bench/public-page.ts a page to measure: publishes the demo team's postmortem
 * (`npm run db:seed`), then prints its public path.
 *
 *   DATABASE_URL=… NEXTAUTH_SECRET=… npx tsx bench/publish-demo.ts
 */
console.log(await publishDemo());
await db().$disconnect();
