import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { withDatabase } from "./database-url";

/*
 * Prisma's schema engine, run as WebAssembly over our own PostgreSQL connection, because the
 * native engine binary cannot be downloaded here. Two fixes to the stock pg adapter make the
 * engine's catalog introspection work (see shared notes, "Prisma 7 without its native engine").
 */

const CHAR_OID = 18;
const CHAR_ARRAY_OID = 1002;
const TEXT_OID = 25;
/** Catalog types the adapter cannot map; read as text. */
const CATALOG_TEXT_OIDS = new Set([19, 22, 24, 30, 194, 2205, 2206]);

type Field = { dataTypeID: number };

/**
 * Relabels catalog column types before the adapter sees them. The internal "char" type becomes
 * "char"[] on the label only — a type the engine's catalog queries never return — so the wrapper
 * below can tell the engine those columns are single characters.
 */
function relabel<R>(result: R): R {
  for (const field of (result as { fields?: Field[] } | undefined)?.fields ?? []) {
    if (field.dataTypeID === CHAR_OID) field.dataTypeID = CHAR_ARRAY_OID;
    else if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    // Patched per instance: pg's query() has too many overloads to override with a typed method.
    Object.assign(this, {
      query: (...args: unknown[]) => {
        // pg.Pool#query calls us with a callback; direct callers get a promise.
        const last = args[args.length - 1];
        if (typeof last === "function") {
          args[args.length - 1] = (error: unknown, result: unknown) => (last as (e: unknown, r: unknown) => void)(error, error ? result : relabel(result));
        }
        const result = query(...args);
        return result instanceof Promise ? result.then(relabel) : result;
      },
    });
  }
}

function markCharacters(result: SqlResultSet): SqlResultSet {
  return { ...result, columnTypes: result.columnTypes.map((t) => (t === ColumnTypeEnum.CharacterArray ? ColumnTypeEnum.Character : t)) };
}

function fixQueryable<T extends SqlQueryable>(target: T): T {
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query) => markCharacters(await queryRaw(query));
  return target;
}

function fixAdapter(adapter: SqlDriverAdapter & { underlyingDriver(): pg.Pool }, cleanup: () => Promise<void>): SqlDriverAdapter {
  fixQueryable(adapter);
  // The stock adapter splits scripts on every ";", which breaks functions ($$ … ; … $$).
  // One simple-protocol query runs a whole migration file, as our own runner does.
  adapter.executeScript = async (script) => {
    await adapter.underlyingDriver().query(script);
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => fixQueryable<Transaction>(await startTransaction(isolationLevel));
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await cleanup();
  };
  return adapter;
}

function pool(connectionString: string): pg.Pool {
  const created = new pg.Pool({ connectionString, max: 4, Client: CatalogFriendlyClient });
  // pg.Pool#end resolves before its sockets close, so DROP DATABASE … WITH (FORCE) can still
  // terminate a closing connection: an idle-client error nobody needs to hear about. A query's
  // own errors still reject its promise.
  created.on("error", () => {});
  return created;
}

async function onServer(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Cleanups that run once: when the engine disposes an adapter, or at the latest when we close. */
class Cleanups {
  private readonly pending = new Set<() => Promise<void>>();

  add(cleanup: () => Promise<void>): () => Promise<void> {
    const once = async () => {
      if (this.pending.delete(once)) await cleanup();
    };
    this.pending.add(once);
    return once;
  }

  async runAll(): Promise<void> {
    for (const cleanup of [...this.pending]) await cleanup();
  }
}

/** The adapter factory the engine gets: fixed catalog types, and a shadow database that really is separate. */
function engineAdapterFactory(databaseUrl: string, cleanups: Cleanups): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const main = pool(databaseUrl);
      return fixAdapter(await new PrismaPg(main).connect(), cleanups.add(() => main.end()));
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomBytes(6).toString("hex")}`;
      await onServer(databaseUrl, `CREATE DATABASE "${name}"`);
      const shadow = pool(withDatabase(databaseUrl, name));
      const drop = cleanups.add(async () => {
        await shadow.end();
        await onServer(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
      return fixAdapter(await new PrismaPg(shadow).connect(), drop);
    },
  };
}

let instantiated = false;

/** Instantiates the engine's WebAssembly once per process (Node 20 cannot import .wasm directly). */
async function loadWasm(): Promise<void> {
  if (instantiated) return;
  const require = createRequire(import.meta.url);
  // The package exports no package.json; its main entry sits beside the .wasm file.
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  globals.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => console.error(`schema engine panic: ${message}`) };
  const { instance } = await WebAssembly.instantiate(readFileSync(path.join(dir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
  });
  wasmBindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  instantiated = true;
}

export type SchemaEngine = Awaited<ReturnType<typeof wasmBindings.SchemaEngine.new>>;

/**
 * The schema engine on `databaseUrl` (shadow databases are created on the same server), with
 * `close()` to release its connections and drop any shadow database it left behind.
 */
export async function openSchemaEngine(options: {
  databaseUrl: string;
  schemaPath: string;
  log?: (line: string) => void;
}): Promise<{ engine: SchemaEngine; close(): Promise<void> }> {
  await loadWasm();
  const cleanups = new Cleanups();
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [[options.schemaPath, readFileSync(options.schemaPath, "utf8")]] },
    (line: string) => options.log?.(line),
    bindMigrationAwareSqlAdapterFactory(engineAdapterFactory(options.databaseUrl, cleanups)),
  );
  return {
    engine,
    async close() {
      engine.free();
      await cleanups.runAll();
    },
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
