import type { TimelineKind } from "../../lib/generated/prisma/enums";

/**
 * The demo team's resolved incident, told the way a good postmortem tells it: detected by
 * automated reporting, a misleading investigation, an escalation, and the real cause (an
 * unindexed query on a table that grew). Times are wall-clock in GMT+2.
 */
export const DEMO_ZONE = "Africa/Johannesburg";
export const DEMO_DAY = "2025-10-15";

export const demoIncident = {
  title: "Management reports stopped generating: an unindexed query on a grown table",
  severity: "SEV2" as const,
  usersAffectedPct: 90,
  services: ["reports", "web app", "primary database"],
  summary:
    "From 08:00 to 16:30 (GMT+2) the web application slowed to a crawl and no management reports were generated. " +
    "A report query that had been fast on a small table became a full scan once sales and customer reviews grew.",
  impact:
    "About 90% of users saw slow pages or timeouts for 8 h 30 min; every scheduled management report for the day was late, " +
    "and finance worked without the morning sales report.",
  rootCause:
    "The daily report joins `orders` with `reviews` filtered by `product_id` and a date range. `reviews` grew from 2 M to 41 M rows " +
    "in three months and had no index on `(product_id, created_at)`, so every report run scanned the whole table and saturated the database.",
  resolution:
    "The development team rewrote the query to filter before the join and added an index on `reviews (product_id, created_at)` " +
    "(created concurrently, no downtime). Report runs went from 14 minutes to 0.4 seconds; the backlog cleared by 16:30.",
  moments: { startedAt: "08:00", detectedAt: "08:03", acknowledgedAt: "08:10", mitigatedAt: "15:45", resolvedAt: "16:30" },
};

export const demoTimeline: { at: string; kind: TimelineKind; body: string; starred?: boolean; author: "ops" | "dev" | "lead" }[] = [
  { at: "08:03", kind: "DETECTION", author: "ops", starred: true, body: "Automated reporting alert: **critical management reports were not generated**. The app server's main PID is at 340% CPU." },
  { at: "08:10", kind: "ACTION", author: "lead", body: "Acknowledged. Assuming a traffic spike or server overload; running quick `curl` diagnostics against `/health` and `/reports`." },
  { at: "08:40", kind: "INVESTIGATION", author: "ops", body: "Server load and network traffic look normal: no spike in requests, no packet loss. Not an overload." },
  { at: "09:30", kind: "DEAD_END", author: "ops", starred: true, body: "Ran `strace` on the application server processes to trace system calls. Nothing unusual — mostly waiting on the database socket, which we did not notice at the time." },
  { at: "10:15", kind: "DEAD_END", author: "ops", body: "Suspected a misconfiguration after last week's deploy. `puppet apply --noop` shows the configuration is consistent on all nodes." },
  { at: "11:00", kind: "ESCALATION", author: "lead", starred: true, body: "Escalated to the development team, suspecting a software bug in the reporting code." },
  { at: "11:20", kind: "COMMUNICATION", author: "lead", body: "Status page: *Reports are delayed and the app is slow. We are investigating.*" },
  { at: "13:20", kind: "INVESTIGATION", author: "dev", starred: true, body: "`pg_stat_statements`: one report query takes 92% of database time. `EXPLAIN` shows a sequential scan over 41 M rows of `reviews`." },
  { at: "15:10", kind: "ACTION", author: "dev", body: "Rewrote the report query to filter reviews by product and date before joining orders. Deployed behind a flag." },
  { at: "15:45", kind: "MITIGATION", author: "dev", starred: true, body: "Created index `reviews (product_id, created_at)` concurrently. Report run time: 14 min → 0.4 s. Database CPU back to 20%." },
  { at: "16:30", kind: "RESOLUTION", author: "lead", starred: true, body: "Report backlog cleared; all management reports generated. Page latency normal for 30 minutes. Resolved." },
  { at: "16:40", kind: "COMMUNICATION", author: "lead", body: "Status page: *Resolved. Reports are up to date.* Postmortem to follow." },
];

/** The postmortem's promises, as tasks: some done, some recurring, one waiting for its check. */
export const demoTasks: {
  title: string;
  type: "CORRECTIVE" | "PREVENTIVE" | "DETECTIVE" | "MITIGATING" | "PROCESS";
  priority: "P0" | "P1" | "P2" | "P3";
  owner: "ops" | "dev" | "lead";
  due: string;
  status: "OPEN" | "IN_PROGRESS" | "DONE";
  every?: { n: number; unit: "WEEKS" | "MONTHS" };
  check?: string;
}[] = [
  { title: "Rewrite the daily report query to filter before joining", type: "CORRECTIVE", priority: "P0", owner: "dev", due: "2025-10-15", status: "DONE" },
  { title: "Add index on reviews (product_id, created_at)", type: "CORRECTIVE", priority: "P0", owner: "dev", due: "2025-10-15", status: "DONE" },
  { title: "Alert when report generation lags more than 10 minutes", type: "DETECTIVE", priority: "P1", owner: "ops", due: "2025-10-31", status: "IN_PROGRESS", check: "The alert fires in a drill with the report worker paused" },
  { title: "Monitor PIDs for unusual resource consumption", type: "DETECTIVE", priority: "P2", owner: "ops", due: "2025-11-15", status: "OPEN" },
  { title: "Review slow database queries against production-sized data", type: "PREVENTIVE", priority: "P2", owner: "dev", due: "2026-01-15", status: "OPEN", every: { n: 3, unit: "MONTHS" } },
  { title: "Load test the reporting path at 2× peak traffic", type: "PREVENTIVE", priority: "P2", owner: "lead", due: "2025-12-01", status: "OPEN", every: { n: 8, unit: "WEEKS" } },
  { title: "Document query optimisation practices for all teams", type: "PROCESS", priority: "P3", owner: "dev", due: "2025-11-30", status: "OPEN" },
  { title: "Share the lessons learned with development and operations", type: "PROCESS", priority: "P3", owner: "lead", due: "2025-10-22", status: "DONE" },
];
