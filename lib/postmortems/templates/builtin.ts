import type { Template } from "@/lib/postmortems/templates/schema";

/** Follows the shape of a classic hand-written postmortem: summary, timeline, root cause, fixes, what went well and wrong. */
const standard: Template = {
  id: "builtin:standard",
  name: "Hindsight standard",
  description: "Summary, timeline, root cause, resolution and recovery, corrective and preventive measures; then what went well, what went wrong and where we got lucky.",
  builtIn: true,
  sections: [
    {
      heading: "Summary",
      help: "In a few sentences: what broke, for how long, who was affected and the root cause in brief.",
      required: true,
      block: "summary",
    },
    {
      heading: "Timeline",
      help: "How it unfolded: detection, actions taken, misleading leads and dead ends, escalation, resolution. Star events on the incident to show them here.",
      required: true,
      block: "timeline",
    },
    { heading: "Root cause", help: "Why it happened. Go past the trigger to the conditions that let it cause harm.", required: true },
    { heading: "Resolution and recovery", help: "What fixed it, how recovery was confirmed, and what was done to restore normal service.", required: true },
    {
      heading: "Corrective and preventive measures",
      help: "What will stop this from happening again, and what will catch it sooner. Track each as a task on the incident.",
      required: true,
      block: "tasks",
    },
    { heading: "What went well", help: "Practices and tools that helped. Keep doing these.", required: false },
    { heading: "What went wrong", help: "Where detection, response or tooling fell short.", required: false },
    { heading: "Where we got lucky", help: "Things that went right by chance, and would not next time.", required: false },
  ],
};

/** The layout of the example postmortem in Google's Site Reliability Engineering book. */
const googleSre: Template = {
  id: "builtin:google-sre",
  name: "Google SRE",
  description: "The postmortem layout from Google's Site Reliability Engineering book.",
  builtIn: true,
  sections: [
    { heading: "Summary", help: "One paragraph: what happened and its effect.", required: true, block: "summary" },
    { heading: "Impact", help: "Who and what was affected, and how much: users, requests, revenue, data.", required: true },
    { heading: "Root causes", help: "The chain of causes. Blameless: systems and processes, not people.", required: true },
    { heading: "Trigger", help: "The change or event that set it off.", required: true },
    { heading: "Resolution", help: "What mitigated and then fixed the problem.", required: true },
    { heading: "Detection", help: "How and when we found out. Could we have known sooner?", required: true },
    { heading: "Action items", help: "Each with an owner, a type and a task on the incident.", required: true, block: "tasks" },
    { heading: "Lessons learned", help: "", required: false },
    { heading: "What went well", help: "", required: false },
    { heading: "What went wrong", help: "", required: false },
    { heading: "Where we got lucky", help: "", required: false },
    { heading: "Timeline", help: "Times in the incident's zone.", required: true, block: "timeline" },
    { heading: "Supporting information", help: "Graphs, dashboards, logs, links.", required: false },
  ],
};

export const BUILT_IN_TEMPLATES: readonly Template[] = [standard, googleSre];
export const DEFAULT_TEMPLATE_ID = standard.id;
