/**
 * An incident's plain field values — choices and limits — without their zod rules
 * (lib/incidents/schema.ts), so the forms that show them do not load the validation library.
 */
export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export const STATUSES = ["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"] as const;
export const LONG_TEXT = 20_000;
export const TITLE_MAX = 200;
