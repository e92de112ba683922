import { readFileSync } from "node:fs";
import path from "node:path";

/** A failed test as the summary names it: where it is, what it is called, the first line of why. */
export type Failure = { where: string; name: string; reason: string };

/** Vitest's JSON report says only this for a timeout, which the test's own output explains above. */
const PLACEHOLDER = "Error: STACK_TRACE_ERROR";

const firstLine = (message: string | undefined) =>
  (message ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.length > 0 && line !== PLACEHOLDER)
    ?.slice(0, 240) ?? "(no message in the report: a timeout, or see the output above)";

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
};

export function vitestReport(file: string): { counts: string; failures: Failure[] } {
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestReport;
  const failures: Failure[] = [];
  for (const result of report.testResults) {
    const failed = result.assertionResults.filter((test) => test.status === "failed");
    for (const test of failed) failures.push({ where: path.relative(process.cwd(), result.name), name: test.fullName, reason: firstLine(test.failureMessages[0]) });
    // A file that fails to load (or a hook outside any test) has no failed test to name.
    if (failed.length === 0 && result.message) failures.push({ where: path.relative(process.cwd(), result.name), name: "(the file itself)", reason: firstLine(result.message) });
  }
  return { counts: `${report.numPassedTests} passed · ${report.numFailedTests} failed · ${report.numPendingTests + report.numTodoTests} skipped`, failures };
}

type PlaywrightSuite = {
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; ok: boolean; tests: { results: { status: string; error?: { message?: string } }[] }[] }[];
};
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: PlaywrightSuite[] };

function playwrightFailures(suites: PlaywrightSuite[]): Failure[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => !spec.ok)
      .map((spec) => {
        const failed = spec.tests.flatMap((test) => test.results).find((result) => result.status !== "passed" && result.status !== "skipped");
        return { where: `${spec.file}:${spec.line}`, name: spec.title, reason: firstLine(failed?.error?.message) };
      }),
    ...playwrightFailures(suite.suites ?? []),
  ]);
}

export function playwrightReport(file: string): { counts: string; failures: Failure[] } {
  const report = JSON.parse(readFileSync(file, "utf8")) as PlaywrightReport;
  const { stats } = report;
  return {
    counts: `${stats.expected} passed · ${stats.unexpected} failed · ${stats.flaky} flaky · ${stats.skipped} skipped`,
    failures: playwrightFailures(report.suites),
  };
}
