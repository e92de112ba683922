import { performance } from "node:perf_hooks";

export type Timing = { name: string; runs: number; p50: number; p95: number; max: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `work` a few times to warm up, then `runs` times, and reports milliseconds. */
export async function measure(name: string, work: () => Promise<unknown>, runs = 50): Promise<Timing> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, runs, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] ?? 0 };
}

export function printTimings(title: string, timings: Timing[]): void {
  console.log(`\n${title}`);
  console.log("| query | runs | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|");
  for (const t of timings) console.log(`| ${t.name} | ${t.runs} | ${t.p50.toFixed(2)} | ${t.p95.toFixed(2)} | ${t.max.toFixed(2)} |`);
}
