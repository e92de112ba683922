/**
 * The incident page renders up to 500 timeline entries as Markdown on every view and live update.
 * Compares the one pipeline cold (every text new: what a first view costs) with warm (the same
 * texts again: what every later view costs, answered from the memo), and the old react-markdown
 * component for reference when it is installed. Usage: `npx tsx bench/markdown.ts`.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { renderMarkdown } from "../lib/markdown/render";
import { measure, printTimings } from "./measure";

const ENTRIES = 500;
const entry = (i: number, salt: string) =>
  `${salt} ${i}: ran \`kubectl rollout undo deploy/api\` — **p99** back under 200 ms, see [runbook](https://wiki.example/rb/${i}); \`List<String>\` was <none>.\n\n- step one\n- step two`;

let round = 0;
const timings = [
  await measure(`${ENTRIES} entries, cold (new texts each run)`, async () => {
    round++;
    for (let i = 0; i < ENTRIES; i++) renderMarkdown(entry(i, `cold-${round}`));
  }, 20),
  await measure(`${ENTRIES} entries, warm (same texts: memoised)`, async () => {
    for (let i = 0; i < ENTRIES; i++) renderMarkdown(entry(i, "warm"));
  }, 20),
];

const reactMarkdown = await import("react-markdown").catch(() => null);
if (reactMarkdown) {
  const remarkGfm = (await import("remark-gfm")).default;
  timings.push(
    await measure(`${ENTRIES} entries, react-markdown (before)`, async () => {
      for (let i = 0; i < ENTRIES; i++) renderToStaticMarkup(createElement(reactMarkdown.default, { remarkPlugins: [remarkGfm], skipHtml: true }, entry(i, "old")));
    }, 5),
  );
}
printTimings("Markdown rendering for one incident page", timings);
