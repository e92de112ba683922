/**
 * The incident page renders up to 500 timeline entries as Markdown on every view and live update.
 * Compares the one pipeline cold (every text new: what a first view costs) with warm (the same
 * texts again: what every later view costs, answered from the memo). For reference, the
 * react-markdown component used before took 1.86 s (p50) for the same 500 entries on the same
 * machine. Usage: `npx tsx bench/markdown.ts`.
 */
import { renderMarkdown } from "../lib/markdown/render";
import { measure, printTimings } from "./measure";

const ENTRIES = 500;
const entry = (i: number, salt: string) =>
  `${salt} ${i}: ran \`kubectl rollout undo deploy/api\` — **p99** back under 200 ms, see [runbook](https://wiki.example/rb/${i}); \`List<String>\` was <none>.\n\n- step one\n- step two`;

let round = 0;
printTimings("Markdown rendering for one incident page", [
  await measure(`${ENTRIES} entries, cold (new texts each run)`, async () => {
    round++;
    for (let i = 0; i < ENTRIES; i++) renderMarkdown(entry(i, `cold-${round}`));
  }, 20),
  await measure(`${ENTRIES} entries, warm (same texts: memoised)`, async () => {
    for (let i = 0; i < ENTRIES; i++) renderMarkdown(entry(i, "warm"));
  }, 20),
]);
