import { bootApp } from "../boot";
import { waitForHttp } from "../processes";

/**
 * `npm start` without the web server (which needs a production build), for tests: the same boot
 * (embedded database in the folder given, migrated and seeded), the same supervisor and the same
 * collaboration server process. Usage: app-without-web.ts <data dir> <collab port>.
 */
const [dataDir, collabPort] = process.argv.slice(2);
if (!dataDir || !collabPort) throw new Error("usage: app-without-web.ts <data dir> <collab port>");
const log = (line: string) => console.log(`[hindsight] ${line}`);
const { database, supervisor } = await bootApp(log, { dataDir });
const env = { ...process.env, DATABASE_URL: database.databaseUrl, NEXTAUTH_SECRET: database.secret, COLLAB_PORT: collabPort };
supervisor.start("collaboration server", process.execPath, ["--import", "tsx", "scripts/collab.ts"], env);
await waitForHttp(`http://127.0.0.1:${collabPort}/healthz`);
console.log(`READY ${JSON.stringify({ databaseUrl: database.databaseUrl })}`);
