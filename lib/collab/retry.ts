export type RetryOptions = {
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Told about each failure and how long until the next attempt. */
  onFailure(error: unknown, attempt: number, delayMs: number): void;
};

/** Runs `work` until it succeeds, waiting twice as long after each failure (up to `maxDelayMs`). */
export async function retryWithBackoff<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  const first = options.firstDelayMs ?? 250;
  const max = options.maxDelayMs ?? 15_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delayMs = Math.min(max, first * 2 ** (attempt - 1));
      options.onFailure(error, attempt, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
