import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { declareIncident, updateIncident } from "@/lib/incidents/mutations";
import { updateSeverityDescriptions } from "@/lib/incidents/severities";
import { addEvent, editEvent } from "@/lib/timeline/mutations";
import { changeTaskStatus, createTask, updateTask } from "@/lib/tasks/mutations";
import { replyToThread, startThread } from "@/lib/comments/mutations";
import { saveTemplate } from "@/lib/postmortems/templates/mutations";
import { importPostmortem, renamePostmortem, startPostmortem } from "@/lib/postmortems/mutations";
import { saveNamedVersion } from "@/lib/postmortems/versions";
import { saveDiagram } from "@/lib/postmortems/diagrams";
import { updateTeam } from "@/lib/teams/mutations";
import { signUp } from "@/lib/auth/sign-up";
import { createTeamWith, uniqueEmail } from "@/lib/testing/factories";

// Deterministic: a failure names its seed and case, and reruns the same way.
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces of text from terminals, chat and attackers. */
const PIECES = [
  "\u0000", "\u0000\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B[31m", "\u007F", "\u0085", "\u009B", "\r\n", "\r", "\n", "\t",
  "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\u200B", "\u200D", "\u202E", "\u2066", "\uFEFF", "\u00AD", "\uFFFE", "\uFFFF",
  "👩‍💻", "数据库", "قاعدة", " ", "   ", "List<String>", "<script>alert(1)</script>", "'; DROP TABLE \"Incident\"; --", "%s%n", "\\", "${x}", "[x](javascript:1)",
  "a", "disk full", "2017-01-31 23:27 UTC",
];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 12);
  let out = "";
  for (let i = 0; i < length; i++) {
    const r = next();
    if (r < 0.6) out += PIECES[Math.floor(next() * PIECES.length)];
    else if (r < 0.9) out += String.fromCharCode(Math.floor(next() * 0x3000));
    else out += String.fromCharCode(Math.floor(next() * 0x10000));
  }
  if (next() < 0.05) out = out.repeat(3000).slice(0, 25_000);
  return out;
}

const BAD = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Outcome = "stored" | "refused";

/** Either a field message (or another expected refusal), or success; never an unexpected error. */
async function attempt(label: string, run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return "stored";
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`${label}: unexpected ${String(error)}`, { cause: error });
    expect(error.code, `${label}: ${error.message}`).toBe("VALIDATION");
    expect(error.fields, label).toBeDefined();
    return "refused";
  }
}

function expectClean(label: string, values: (string | null | undefined)[]) {
  for (const value of values) if (value) expect(BAD.test(value), `${label} stored ${JSON.stringify(value)}`).toBe(false);
}

const ROUNDS = 12;

describe(`fuzz: random and control-character text through every form mutation (seed ${SEED})`, () => {
  it("incidents, timeline, tasks, comments, templates, team settings, postmortems and import answer with a field message or store clean text", async () => {
    const next = prng(SEED);
    const text = () => randomText(next);
    const { team, owner } = await createTeamWith([]);
    const teamId = team.id;
    const userId = owner.userId;
    const base = await declareIncident(userId, { teamId, title: "Fuzz target" });
    const { id: postmortemId } = await startPostmortem(userId, { teamId, incidentId: base.id, templateId: "builtin:standard", title: "Fuzz" });
    const outcomes: Outcome[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const tag = (what: string) => `round ${round} ${what}`;

      let incidentId: string | null = null;
      outcomes.push(
        await attempt(tag("declareIncident"), async () => {
          incidentId = (await declareIncident(userId, { teamId, title: text(), summary: text(), services: [text(), text()].join(",") })).id;
        }),
      );
      if (incidentId) {
        const row = await db().incident.findUniqueOrThrow({ where: { id: incidentId }, include: { services: { include: { service: true } } } });
        expectClean(tag("declareIncident"), [row.title, row.summary, ...row.services.map((s) => s.service.name)]);
      }

      const incident = await db().incident.findUniqueOrThrow({ where: { id: base.id }, select: { version: true } });
      outcomes.push(
        await attempt(tag("updateIncident"), () =>
          updateIncident(userId, { teamId, incidentId: base.id, version: incident.version, title: text(), summary: text(), impact: text(), rootCause: text(), resolution: text() }),
        ),
      );
      const updated = await db().incident.findUniqueOrThrow({ where: { id: base.id } });
      expectClean(tag("updateIncident"), [updated.title, updated.summary, updated.impact, updated.rootCause, updated.resolution]);

      let eventId: string | null = null;
      outcomes.push(
        await attempt(tag("addEvent"), async () => {
          eventId = (await addEvent(userId, { teamId, incidentId: base.id, body: text() })).id;
        }),
      );
      if (eventId) {
        const event = await db().timelineEvent.findUniqueOrThrow({ where: { id: eventId } });
        expectClean(tag("addEvent"), [event.body]);
        outcomes.push(await attempt(tag("editEvent"), () => editEvent(userId, { teamId, eventId, version: event.version, kind: "NOTE", body: text(), occurredAt: "2026-01-10T10:00" })));
        expectClean(tag("editEvent"), [(await db().timelineEvent.findUniqueOrThrow({ where: { id: eventId } })).body]);
      }

      let taskId: string | null = null;
      outcomes.push(
        await attempt(tag("createTask"), async () => {
          taskId = (await createTask(userId, { teamId, incidentId: base.id, type: "CORRECTIVE", title: text(), description: text(), externalKey: text(), verificationCriteria: text() })).id;
        }),
      );
      if (taskId) {
        const task = await db().task.findUniqueOrThrow({ where: { id: taskId } });
        outcomes.push(await attempt(tag("updateTask"), () => updateTask(userId, { teamId, taskId, version: task.version, title: text(), description: text() })));
        const latest = await db().task.findUniqueOrThrow({ where: { id: taskId } });
        outcomes.push(await attempt(tag("changeTaskStatus"), () => changeTaskStatus(userId, { teamId, taskId, version: latest.version, status: "BLOCKED", reason: text() })));
        const stored = await db().task.findUniqueOrThrow({ where: { id: taskId } });
        expectClean(tag("tasks"), [stored.title, stored.description, stored.externalKey, stored.verificationCriteria, stored.statusReason]);
      }

      let threadId: string | null = null;
      outcomes.push(
        await attempt(tag("startThread"), async () => {
          threadId = (await startThread(userId, { teamId, postmortemId, quote: text(), body: text() })).threadId;
        }),
      );
      if (threadId) outcomes.push(await attempt(tag("replyToThread"), () => replyToThread(userId, { teamId, threadId, body: text() })));

      outcomes.push(await attempt(tag("renamePostmortem"), () => renamePostmortem(userId, { teamId, postmortemId, title: text() })));
      outcomes.push(await attempt(tag("saveNamedVersion"), () => saveNamedVersion(userId, { teamId, postmortemId, name: text() })));

      outcomes.push(
        await attempt(tag("saveTemplate"), () =>
          saveTemplate(userId, { teamId, name: `${text()} ${round}`, description: text(), sections: JSON.stringify([{ heading: text(), help: text() }, { heading: "Fixed", help: "" }]) }),
        ),
      );

      // The diagrams route's JSON body, through the function the route calls.
      outcomes.push(await attempt(tag("saveDiagram"), () => saveDiagram(userId, team.slug, base.number, { source: text(), svg: `<svg viewBox="0 0 1 1">${text()}</svg>` })));

      outcomes.push(await attempt(tag("updateTeam"), () => updateTeam(userId, { teamId, name: text(), slug: team.slug, timeZone: team.timeZone })));
      outcomes.push(
        await attempt(tag("updateSeverityDescriptions"), () => updateSeverityDescriptions(userId, { teamId, SEV1: text(), SEV2: text(), SEV3: "Minor", SEV4: "Cosmetic" })),
      );
      outcomes.push(await attempt(tag("signUp"), () => signUp({ name: text(), email: uniqueEmail("fuzz"), password: "fuzz-password-42" })));

      const other = await declareIncident(userId, { teamId, title: `Import target ${round}` });
      outcomes.push(
        await attempt(tag("importPostmortem"), () => importPostmortem(userId, { teamId, incidentId: other.id, title: next() < 0.5 ? text() : "", markdown: `# ${text()}\n\n## ${text()}\n\n${text()}\n\n- [ ] ${text()}` })),
      );
    }

    const teamRows = await db().team.findUniqueOrThrow({ where: { id: teamId } });
    const templates = await db().postmortemTemplate.findMany({ where: { teamId } });
    const postmortems = await db().postmortem.findMany({ where: { teamId } });
    const comments = await db().comment.findMany({ where: { thread: { teamId } } });
    const diagrams = await db().diagramImage.findMany({ where: { teamId } });
    expectClean("diagrams", diagrams.map((d) => d.svg));
    expectClean("team", [teamRows.name]);
    expectClean("templates", templates.flatMap((t) => [t.name, t.description, JSON.stringify(t.sections)]));
    expectClean("postmortems", postmortems.flatMap((p) => [p.title, p.markdown, JSON.stringify(p.content)]));
    expectClean("comments", comments.map((c) => c.body));
    // Both paths were exercised: the fuzz is not refusing everything.
    expect(outcomes.filter((o) => o === "stored").length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o === "refused").length).toBeGreaterThan(5);
  }, 180_000);
});
