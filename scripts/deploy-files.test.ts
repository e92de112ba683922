import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./lib/throwaway-database";
import { checkMigrations } from "../lib/observability/readiness";
import { freePort } from "../lib/collab/testing/collab-process";

/**
 * Container images cannot be built on our machines, so the deploy files are checked here instead:
 * every command they run is an npm script (run below or by the e2e suite), and every setting they
 * pass is documented in the README's configuration table.
 */
const root = process.cwd();
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

type Service = { image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; volumes?: string[]; network_mode?: string; restart?: string; ports?: string[] };
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };

/** Variables in the first column of the README's configuration table (`A`, `B` rows name several). */
function documentedVariables(): Set<string> {
  const readme = read("README.md");
  const start = readme.indexOf("## Configuration");
  const end = readme.indexOf("\n## ", start + 1);
  const table = readme.slice(start, end === -1 ? undefined : end);
  const names = new Set<string>();
  for (const line of table.split("\n")) {
    if (!line.startsWith("| `")) continue;
    const firstCell = line.split("|")[1] ?? "";
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(match[1] ?? "");
  }
  return names;
}

/** `npm run <name>` commands in a command array or shell string. */
function npmScriptsIn(command: string[] | string): string[] {
  const words = Array.isArray(command) ? command : command.split(/\s+/);
  const found: string[] = [];
  words.forEach((word, i) => {
    if (word === "npm" && words[i + 1] === "run" && words[i + 2]) found.push(words[i + 2] ?? "");
  });
  return found;
}

const APP_SERVICES = ["migrate", "web", "collab"];

describe("compose.yaml", () => {
  it("has PostgreSQL, Redis, a one-shot migration, web and collab, with health checks and volumes", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["collab", "migrate", "postgres", "redis", "web"]);
    for (const name of ["postgres", "redis", "web", "collab"]) expect(compose.services[name]?.healthcheck?.test.length, name).toBeGreaterThan(0);
    expect(compose.services.postgres?.volumes?.[0]).toMatch(/^postgres-data:/);
    expect(compose.services.redis?.volumes?.[0]).toMatch(/^redis-data:/);
    expect(Object.keys(compose.volumes).sort()).toEqual(["postgres-data", "redis-data"]);
    expect(compose.services.migrate?.restart).toBe("no");
    expect(compose.services.migrate?.depends_on?.postgres?.condition).toBe("service_healthy");
    for (const name of ["web", "collab"]) expect(compose.services[name]?.depends_on?.migrate?.condition).toBe("service_completed_successfully");
    expect(compose.services.collab?.depends_on?.redis?.condition).toBe("service_healthy");
    expect(compose.services.web?.ports).toEqual(["3000:3000"]);
  });

  it("runs one image, each service by an npm script that exists", () => {
    const commands = Object.fromEntries(APP_SERVICES.map((name) => [name, compose.services[name]?.command ?? []]));
    expect(commands).toEqual({ migrate: ["npm", "run", "db:migrate"], web: ["npm", "run", "web"], collab: ["npm", "run", "collab"] });
    for (const name of APP_SERVICES) {
      expect(compose.services[name]?.image).toBe("hindsight:latest");
      for (const script of npmScriptsIn(commands[name] ?? [])) expect(scripts[script], `npm run ${script}`).toBeDefined();
    }
  });

  it("passes only settings the README's configuration table documents, and every one the app needs", () => {
    const documented = documentedVariables();
    for (const name of APP_SERVICES) {
      const environment = compose.services[name]?.environment ?? {};
      for (const variable of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL"]) expect(environment[variable], `${name} ${variable}`).toBeTruthy();
      for (const variable of Object.keys(environment)) expect(documented.has(variable), `${name}: ${variable} is not in the README's configuration table`).toBe(true);
    }
    // Settings interpolated from the operator's shell, too.
    const interpolated = [...read("compose.yaml").matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1] ?? "");
    for (const variable of interpolated) expect(documented.has(variable), `\${${variable}} is not in the README's configuration table`).toBe(true);
    expect(compose.services.collab?.environment?.COLLAB_PORT).toBe(compose.services.web?.environment?.COLLAB_PORT);
  });

  it("is valid YAML without anchors left unresolved", () => {
    const document = parseDocument(read("compose.yaml"), { merge: true });
    expect(document.errors).toEqual([]);
    expect(JSON.stringify(compose)).not.toContain("<<");
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const lines = dockerfile.replace(/\\\n/g, " ").split("\n").filter((line) => line.trim() && !line.trim().startsWith("#"));
  const stages = lines.filter((line) => /^FROM /i.test(line));

  it("builds in several stages and runs as a user other than root", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const finalStage = lines.slice(lines.lastIndexOf(stages.at(-1) ?? ""));
    const user = finalStage.filter((line) => /^USER /i.test(line)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(\s|:|$)/i);
  });

  it("starts the web app by default and runs only npm scripts that exist", () => {
    const cmd = lines.filter((line) => /^(CMD|ENTRYPOINT) /i.test(line));
    expect(cmd.map((line) => JSON.parse(line.replace(/^(CMD|ENTRYPOINT)\s+/i, "")) as string[])).toEqual([["npm", "run", "web"]]);
    const run = lines.filter((line) => /^RUN /i.test(line)).flatMap((line) => npmScriptsIn(line));
    expect(run).toEqual(["build"]);
    for (const script of ["web", "build", ...npmScriptsIn(dockerfile)]) expect(scripts[script], `npm run ${script}`).toBeDefined();
  });

  it("copies files that exist", () => {
    for (const line of lines.filter((l) => /^COPY /i.test(l) && !/--from=/.test(l))) {
      const sources = line.replace(/^COPY\s+/i, "").split(/\s+/).filter((word) => !word.startsWith("--")).slice(0, -1);
      for (const source of sources) if (source !== ".") expect(existsSync(path.join(root, source)), source).toBe(true);
    }
  });
});

describe("the commands the containers run", () => {
  const databases: ThrowawayDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  function npmRun(script: string, env: Record<string, string>): { exit: Promise<number | null>; output: () => string; child: ReturnType<typeof spawn> } {
    let output = "";
    const child = spawn("npm", ["run", "--silent", script], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output, exit: new Promise((resolve) => child.once("exit", resolve)) };
  }

  it("npm run db:migrate brings an empty database up to date (the migrate service)", async () => {
    const database = await createThrowawayDatabase(process.env.TEST_SERVER_URL ?? process.env.DATABASE_URL ?? "", "hindsight_ops_deploy", { migrate: false });
    databases.push(database);
    const run = npmRun("db:migrate", { DATABASE_URL: database.url });
    expect(await run.exit, run.output()).toBe(0);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await checkMigrations(async (sql) => (await client.query(sql)).rows as Record<string, unknown>[], path.join(root, "prisma", "migrations"));
      expect(result.status).toBe("ok");
    } finally {
      await client.end();
    }
  }, 120_000);

  it("npm run collab serves its health check and metrics, logs JSON lines, and stops on SIGTERM (the collab service)", async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const run = npmRun("collab", { COLLAB_PORT: String(port), COLLAB_METRICS_PORT: String(metricsPort), METRICS_TOKEN: "", LOG_FORMAT: "json" });
    try {
      const deadline = Date.now() + 60_000;
      while (!run.output().includes("listening") || !run.output().includes("metrics on")) {
        if (Date.now() > deadline) throw new Error(`collab did not start: ${run.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const scraped = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(scraped).toContain('hindsight_collab_connections{service="collab"} 0');
      expect(scraped).toContain('hindsight_collab_open_documents{service="collab"} 0');
      const entries = run.output().trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(entries.find((entry) => String(entry.msg).startsWith("listening"))).toMatchObject({ level: "info", service: "collab" });
    } finally {
      run.child.kill("SIGTERM");
    }
    expect(await run.exit).toBe(0);
  }, 90_000);
});
