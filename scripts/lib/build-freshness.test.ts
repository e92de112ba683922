import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIsCurrent } from "./build-freshness";

const root = mkdtempSync(path.join(tmpdir(), "hindsight-freshness-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function touch(relative: string, secondsAgo: number): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "");
  // Folders count too (a deleted page changes its folder), so they age with the file.
  const time = new Date(Date.now() - secondsAgo * 1000);
  for (let current = file; current !== root; current = path.dirname(current)) utimesSync(current, time, time);
}

describe("whether `npm start` must build again", () => {
  it("builds when there is no build", () => {
    touch("app/page.tsx", 100);
    expect(buildIsCurrent(root)).toBe(false);
  });

  it("reuses a build newer than every source", () => {
    touch("app/page.tsx", 100);
    touch("lib/db.ts", 100);
    touch(".next/BUILD_ID", 50);
    expect(buildIsCurrent(root)).toBe(true);
  });

  it("builds again after a nested source file or a config file changed", () => {
    touch(".next/BUILD_ID", 50);
    touch("components/ui/deep/button.tsx", 10);
    expect(buildIsCurrent(root)).toBe(false);
    touch("components/ui/deep/button.tsx", 100);
    touch("next.config.ts", 10);
    expect(buildIsCurrent(root)).toBe(false);
  });
});
