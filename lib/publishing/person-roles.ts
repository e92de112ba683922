import { z } from "zod";
import type { db, Tx } from "@/lib/db";
import { PeopleMatcher, type Person } from "@/lib/publishing/people";
import type { Rename } from "@/lib/publishing/rename-people";

/** What a member may be called on a public page instead of their name. */
export const PERSON_ROLES = ["an engineer", "the incident commander", "a responder", "the on-call engineer", "a team member", "a reviewer", "a manager"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

const storedRolesSchema = z.record(z.string(), z.enum(PERSON_ROLES));

/** The team's members, as the leak check and the renaming know them. */
export async function loadPeople(client: Tx | ReturnType<typeof db>, teamId: string): Promise<Person[]> {
  const rows = await client.membership.findMany({ where: { teamId }, take: 1000, orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true, email: true } } } });
  return rows.map((r) => r.user);
}

/** Form fields `role:<user id>` from the publish form; anything not a known role is ignored. */
export function rolesFromInput(input: unknown): Record<string, PersonRole> {
  if (typeof input !== "object" || input === null) return {};
  const entries = Object.entries(input).flatMap(([key, value]) => (key.startsWith("role:") ? [[key.slice(5), value]] : []));
  const parsed = storedRolesSchema.safeParse(Object.fromEntries(entries.filter(([, value]) => (PERSON_ROLES as readonly unknown[]).includes(value))));
  return parsed.success ? parsed.data : {};
}

/** Each member's role for this publication: chosen now, else chosen last time, else the commander is "the incident commander" and everyone else "an engineer". */
export function rolesFor(people: readonly Person[], commanderId: string | null, ...choices: unknown[]): Record<string, PersonRole> {
  const layers = choices.map((c) => storedRolesSchema.safeParse(c)).flatMap((r) => (r.success ? [r.data] : []));
  return Object.fromEntries(
    people.map((p) => [p.id, layers.find((l) => l[p.id])?.[p.id] ?? (p.id === commanderId ? "the incident commander" : "an engineer")]),
  );
}

export function renamer(people: readonly Person[], roles: Record<string, string>): Rename {
  const matcher = new PeopleMatcher(people);
  return (text) => matcher.replace(text, (id) => roles[id] ?? "an engineer");
}
