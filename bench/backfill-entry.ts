/**
 * How long entering the reference postmortem's timeline (../shared/reference/postmortem-example.txt,
 * October 15, 2023, GMT+2) takes by keyboard: keystrokes and wall time per flow. Usage, against a
 * running production server: `BENCH_BASE_URL=http://localhost:3203 npx tsx bench/backfill-entry.ts`.
 *
 * "before" replays the keys the previous add-event form needed (text, then its datetime-local
 * input, which in an en-US browser takes month/day/year, Tab, hour/minute and AM/PM every time and
 * is cleared after each entry) on a page carrying that form's inputs, and checks each typed value
 * reads as intended. "after" types into the real app: one entry at a time (the date carried, focus
 * back on the time), and the whole block at once through the paste preview.
 */
import { chromium, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { systemChromium } from "../scripts/lib/chromium";

const BASE = process.env.BENCH_BASE_URL ?? "http://localhost:3203";
const DAY = "2023-10-15";

// The reference gives 08:00 (impact), 08:03 (detected), 08:05 (alerts, in its second telling) and
// 16:30 (end); its investigation and escalation steps carry no time, so 09:30 and 11:00 stand in.
const TIMELINE: [string, string][] = [
  ["08:00", "Impact started: critical management reports stop being generated"],
  ["08:03", "Automated reporting detects the failure; an app server PID shows abnormal resource use"],
  ["08:05", "IT manager starts investigating; quick curl diagnostics"],
  ["09:30", "Server load and network traffic normal; strace on the app server reveals nothing"],
  ["11:00", "Escalated to the development team; puppet apply confirms consistent configuration"],
  ["16:30", "Inefficient database query rewritten and indexed; reports generate again"],
];

type Result = { flow: string; keystrokes: number; seconds: number };

/** Counts every key pressed: each typed character is one keystroke. */
function keyboard(page: Page) {
  let count = 0;
  return {
    type: async (text: string) => {
      count += [...text].length;
      await page.keyboard.type(text);
    },
    press: async (...keys: string[]) => {
      count += keys.length;
      for (const key of keys) await page.keyboard.press(key);
    },
    get count() {
      return count;
    },
  };
}

const OLD_FORM = `<!doctype html><meta charset="utf-8"><form id="f">
<textarea id="body" name="body" rows="1"></textarea>
<select id="kind" name="kind"><option>Action</option><option>Detection</option></select>
<input id="time" name="occurredAt" type="datetime-local">
<label><input type="checkbox" name="starred"> Key event</label><button>Add</button></form>
<script>
window.added = [];
const form = document.getElementById("f");
document.getElementById("body").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  window.added.push([form.occurredAt.value, form.body.value]);
  form.reset();
});
</script>`;

async function backToBody(page: Page, keys: ReturnType<typeof keyboard>) {
  for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.id === "body")); i++) await keys.press("Shift+Tab");
}

/** The previous form: its datetime-local follows the browser's en-US locale (MM/DD/YYYY hh:mm AM). */
async function before(page: Page): Promise<Result> {
  await page.setContent(OLD_FORM);
  await page.locator("#body").focus();
  const keys = keyboard(page);
  const started = Date.now();
  for (const [time, body] of TIMELINE) {
    const [h = 0, m = 0] = time.split(":").map(Number);
    const [y, mo, d] = DAY.split("-");
    await keys.type(body);
    await keys.press("Tab", "Tab");
    // The year segment takes up to six digits, so Tab leaves it for the hour.
    await keys.type(`${mo}${d}${y}`);
    await keys.press("Tab");
    await keys.type(`${String(h % 12 || 12).padStart(2, "0")}${String(m).padStart(2, "0")}`);
    await keys.press(h < 12 ? "a" : "p");
    // Enter in the datetime-local submits when the browser allows it; otherwise back to the text.
    const count = async () => ((await page.evaluate("window.added.length")) as number);
    const sent = await count();
    await keys.press("Enter");
    if ((await count()) === sent) {
      await backToBody(page, keys);
      await keys.press("Enter");
    }
    // Shift+Tab walks back through the input's own segments (AM/PM, minute, hour, year, day, month).
    await backToBody(page, keys);
  }
  const seconds = (Date.now() - started) / 1000;
  const added = (await page.evaluate("window.added")) as [string, string][];
  const expected = TIMELINE.map(([time, body]) => [`${DAY}T${time}`, body]);
  if (JSON.stringify(added) !== JSON.stringify(expected)) throw new Error(`the old form read ${JSON.stringify(added)}`);
  return { flow: "before: one entry at a time (datetime-local, en-US)", keystrokes: keys.count, seconds };
}

async function newIncident(page: Page, zone: string): Promise<string> {
  const slug = `bench-${randomUUID().slice(0, 8)}`;
  await page.goto(`${BASE}/sign-up`);
  await page.getByLabel("Your name").fill("Bench Backfill");
  await page.getByLabel("Work email").fill(`${slug}@example.test`);
  await page.getByLabel("Password").fill("incident-ready-42!");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
  await page.goto(`${BASE}/teams/new`);
  await page.getByLabel("Team name").fill("Bench");
  await page.getByLabel("URL").fill(slug);
  await page.getByLabel("Time zone").fill(zone);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.waitForURL(new RegExp(`/t/${slug}/incidents$`));
  await page.goto(`${BASE}/t/${slug}/incidents/new`);
  await page.getByLabel("What is happening?").fill("Reports not generated");
  await page.getByLabel("What is happening?").press("Enter");
  await page.getByRole("heading", { level: 1, name: "Reports not generated" }).waitFor();
  return page.url();
}

async function afterOneByOne(page: Page): Promise<Result> {
  await newIncident(page, "Africa/Johannesburg");
  const label = "When it happened (empty: now)";
  await page.getByLabel(`${label}: date`).focus();
  const keys = keyboard(page);
  const started = Date.now();
  for (const [i, [time, body]] of TIMELINE.entries()) {
    if (i === 0) {
      await keys.type(DAY);
      await keys.press("Tab");
    }
    await keys.type(time);
    await keys.press("Tab", "Tab");
    await keys.type(body);
    await keys.press("Enter");
    await page.getByTestId("timeline-body").filter({ hasText: body }).waitFor();
    await page.getByLabel(`${label}: time`).and(page.locator(":focus")).waitFor();
  }
  return { flow: "after: one entry at a time (date carried)", keystrokes: keys.count, seconds: (Date.now() - started) / 1000 };
}

async function afterPaste(page: Page, typed: boolean): Promise<Result> {
  await newIncident(page, "Africa/Johannesburg");
  const block = TIMELINE.map(([time, body]) => `${time} ${body}`).join("\n");
  await page.getByLabel("What happened").focus();
  const keys = keyboard(page);
  const started = Date.now();
  if (typed) {
    await keys.press("Tab", "Tab", "Tab", "Tab", "Enter"); // kind → key event → Add → "Paste several lines…"
    await keys.type(block);
  } else {
    await page.evaluate(async (text) => navigator.clipboard.writeText(text), block);
    await keys.press("ControlOrMeta+V");
  }
  await page.getByTestId("paste-preview").getByRole("listitem").nth(TIMELINE.length - 1).waitFor();
  await keys.press("Tab");
  await keys.type(DAY);
  await keys.press("Tab", "Tab", "Enter"); // kind → "Add 6 events"
  await page.getByTestId("timeline-body").filter({ hasText: TIMELINE[TIMELINE.length - 1]![1] }).waitFor();
  return { flow: typed ? "after: typed as one block, previewed" : "after: pasted from notes, previewed", keystrokes: keys.count, seconds: (Date.now() - started) / 1000 };
}

const browser = await chromium.launch({ executablePath: systemChromium(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  const results: Result[] = [];
  const fresh = async () => {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/Los_Angeles", permissions: ["clipboard-read", "clipboard-write"] });
    return context.newPage();
  };
  results.push(await before(await fresh()));
  results.push(await afterOneByOne(await fresh()));
  results.push(await afterPaste(await fresh(), true));
  results.push(await afterPaste(await fresh(), false));
  // At 5 keystrokes a second (a fast typist), what the keys alone cost a person.
  const text = TIMELINE.reduce((n, [, body]) => n + [...body].length, 0);
  console.table(results.map((r) => ({ ...r, "keys besides the text": r.keystrokes > text ? r.keystrokes - text : "—", seconds: r.seconds.toFixed(1), "human @5 keys/s": `${(r.keystrokes / 5).toFixed(0)} s` })));
} finally {
  await browser.close();
}
