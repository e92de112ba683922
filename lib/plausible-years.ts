/**
 * Years an incident, a task or a deadline can plausibly have: a typo like 0001 or 9999 is refused.
 * Apart from lib/validation.ts so browser code can name them without loading zod.
 */
export const PLAUSIBLE_YEARS = { min: 1970, max: 2200 } as const;
