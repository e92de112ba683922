/** Runs once when a Next.js server starts: the background job worker lives in the web process. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.HINDSIGHT_JOBS === "off" || !process.env.DATABASE_URL) return;
  const { startJobWorker } = await import("@/lib/jobs/worker");
  await startJobWorker().catch((error: unknown) => console.error("jobs: the worker did not start", error));
}
