import { bootApp } from "./lib/boot";
import { binary } from "./lib/processes";

/** `npm run dev`: the same database as `npm start` (embedded unless DATABASE_URL is set), then `next dev`. */
const log = (line: string) => console.log(`[hindsight] ${line}`);
const port = Number(process.env.PORT ?? 3000);

const { database, supervisor, demoLogin } = await bootApp(log);
if (demoLogin) log(`Demo sign-in: ${demoLogin}`);

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  DATABASE_URL: database.databaseUrl,
  NEXTAUTH_SECRET: database.secret,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};
supervisor.start("collaboration server", process.execPath, ["--import", "tsx", "scripts/collab.ts"], env);
supervisor.start("next dev", binary("next"), ["dev", "-p", String(port)], env);
