import { describe, expect, it } from "vitest";
import { renderPublicPage, type FoundEdition } from "@/lib/publishing/html/page";
import type { PostmortemFacts } from "@/lib/postmortems/facts";

const event = (id: string, kind: PostmortemFacts["events"][number]["kind"], occurredAt: string, body: string) => ({ id, kind, occurredAt, body, starred: true, internal: false, system: false, author: null });

const facts: PostmortemFacts = {
  incident: {
    number: 7, title: "Reports stopped", severity: "SEV2", status: "RESOLVED", timeZone: "Africa/Cairo",
    summary: "Reports stopped for a day because a query lost its index.", impact: "Finance worked without the morning report.", usersAffectedPct: 90,
    rootCause: "", resolution: "", commander: null, services: [],
    startedAt: "2025-10-15T05:00:00.000Z", detectedAt: "2025-10-15T05:03:00.000Z", acknowledgedAt: null, mitigatedAt: "2025-10-15T12:45:00.000Z", resolvedAt: "2025-10-15T13:30:00.000Z",
  },
  events: [
    event("e1", "DETECTION", "2025-10-15T05:03:00.000Z", "Reports alert fired."),
    event("e2", "DEAD_END", "2025-10-15T06:30:00.000Z", "Traced the app server: nothing."),
    event("e3", "RESOLUTION", "2025-10-16T13:30:00.000Z", "Backlog cleared."),
  ],
  tasks: [],
};

const found = (accent: string | null): FoundEdition => ({
  kind: "edition", publicationId: "p", slug: "s", canonicalPath: "/p/s", noindex: true,
  team: { name: "Acme", slug: "acme", publicIndex: false, accent },
  edition: { id: "e", number: 1, title: "When reports stopped", subtitle: "", publishedAt: new Date("2025-10-20T10:00:00Z"), body: { markdown: "## Timeline\n\n::live{kind=timeline scope=starred}\n", facts, signOff: [] } },
  latest: { number: 1, publishedAt: new Date("2025-10-20T10:00:00Z") },
  editions: [{ number: 1, note: "", publishedAt: new Date("2025-10-20T10:00:00Z") }],
});

describe("the public page people want to read", () => {
  it("opens with the lead, then the impact strip: duration, users, severity, detected after, resolved after detection, and the phases in words", () => {
    const page = renderPublicPage(found(null), "https://x.test", "/p/s");
    expect(page.indexOf('<p class="lead">Reports stopped for a day')).toBeGreaterThan(page.indexOf("<h1>"));
    expect(page.indexOf('<p class="lead">')).toBeLessThan(page.indexOf('class="glance"'));
    for (const [label, value] of [["Duration", "8 h 30 min"], ["Users affected", "90%"], ["Severity", "SEV2"], ["Detected after", "3 min"], ["Resolved after", "8 h 27 min"]]) {
      expect(page, label).toContain(`<dt>${label}</dt><dd>${value}`);
    }
    expect(page).toContain("Unnoticed: <strong>3 min</strong>");
    expect(page).toContain("Until mitigated: <strong>7 h 42 min</strong>");
    expect(page).toContain("Until resolved: <strong>45 min</strong>");
    expect(page).not.toContain("<dt>Status</dt>");
  });

  it("draws the timeline with its dead ends marked, a row for each new day, and the time since the start", () => {
    const page = renderPublicPage(found(null), "https://x.test", "/p/s");
    expect(page).toContain('<li class="kind-dead_end">');
    expect(page).toContain('<li class="kind-detection key">');
    expect(page.match(/<li class="day">/g)).toHaveLength(2);
    expect(page).toContain('<span class="since">+1 h 30 min</span>');
    expect(page).toContain('<span class="since">+1 d 8 h 30 min</span>');
  });

  it("takes the team's accent from a stylesheet named by the colour; none without one", () => {
    expect(renderPublicPage(found("#0f766e"), "https://x.test", "/p/s")).toContain('<link rel="stylesheet" href="/p-accent/0f766e.css">');
    expect(renderPublicPage(found(null), "https://x.test", "/p/s")).not.toContain("/p-accent/");
  });
});
