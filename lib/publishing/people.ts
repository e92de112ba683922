/** A team member whose name must not reach a public page. */
export type Person = { id: string; name: string; email: string };

export type PersonForm = "email" | "name" | "handle" | "first" | "last" | "initials";

/** One place a member is named in text about to be made public. */
export type Mention = { personId: string; match: string; form: PersonForm; context: string };

type Alternative = { personId: string; form: PersonForm; source: string; capitalizedOnly: boolean; length: number };

// Name parts that are also everyday words: alone, they count only when capitalised ("Will", not "will").
const EVERYDAY_WORDS = new Set(
  "will may mark bill grace rose june april august hope joy faith amber summer sky dawn rich frank chase drew gene guy ray max art pat sue jack rob cliff dean hunter miles page bishop king young brown white black green long short hall wood mason cook baker stone hill lane park pierce reed rush sage sterling ward west north bell cash case christian crystal daisy destiny eve fern gray grey heather holly iris ivy jade jasper jewel lily lucky major misty nick penny pearl rocky ruby rusty sandy scout shade star storm sunny tanner taylor violet wade win woody".split(" "),
);
// Particles of a name ("van", "de") are never names on their own.
const PARTICLES = new Set("van von de der den da di du la le el del dos das st bin ibn al".split(" "));
// Two- or three-letter capitals that mean something else far more often than they mean a person.
const ACRONYMS = new Set(
  "AM PM IT OK US UK EU ID IP DB QA UI UX CI CD PR HR AI OS TV DNS API SLA SLO SRE CEO CTO CFO COO VP DR BC TL PS FYI ETA TBD AWS GCP SQL CPU RAM SSD VM MB GB TB KB ASAP RCA".split(" "),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const lettersOf = (word: string) => word.normalize("NFC").replace(/[^\p{L}\p{N}'’-]/gu, "");

function alternativesOf(person: Person, initialsCount: Map<string, number>): Alternative[] {
  const out: Alternative[] = [];
  const add = (form: PersonForm, text: string, capitalizedOnly = false, pattern?: string) => {
    if (!text) return;
    out.push({ personId: person.id, form, source: pattern ?? escapeRegExp(text), capitalizedOnly, length: text.length });
  };
  const parts = person.name.trim().split(/\s+/).map(lettersOf).filter(Boolean);
  const email = person.email.trim().toLowerCase();
  const local = email.split("@")[0] ?? "";
  add("email", email);
  if (parts.length > 1) add("name", parts.join(" "), false, parts.map(escapeRegExp).join("\\s+"));
  const meaningful = parts.filter((p) => p.length >= 2 && !PARTICLES.has(p.toLowerCase()));
  const first = meaningful[0];
  const last = meaningful.length > 1 ? meaningful[meaningful.length - 1] : undefined;
  // Handles people pick: the e-mail's local part, "dana.lee", "dana_lee", "danalee", "dlee".
  const handles = new Set<string>();
  if (local.length >= 3) handles.add(local);
  if (first && last) {
    const [f, l] = [first.toLowerCase(), last.toLowerCase()];
    for (const handle of [`${f}.${l}`, `${f}_${l}`, `${f}-${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}${l[0]}`]) if (handle.length >= 3) handles.add(handle);
  }
  for (const handle of handles) add("handle", handle);
  for (const [form, part] of [["first", first], ["last", last]] as const) {
    if (part) add(form, part, EVERYDAY_WORDS.has(part.toLowerCase()));
  }
  const initials = meaningful.map((p) => p[0]!.toUpperCase()).join("");
  if (meaningful.length >= 2 && initialsCount.get(initials) === 1 && !ACRONYMS.has(initials)) {
    // "DL" or "D.L." / "D. L.": capitals only, or every short all-caps word would be someone.
    add("initials", initials, true, `(?:${escapeRegExp(initials)}|${[...initials].map(escapeRegExp).join("\\.\\s?")}\\.)`);
  }
  return out;
}

function around(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 40);
  const end = Math.min(text.length, index + length + 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ")}${end < text.length ? "…" : ""}`;
}

/**
 * Finds team members in text in every form people write them: full names, first or last names
 * alone, possessives ("Dana's"), @handles, e-mail addresses and their local parts, and initials
 * when only one member has them — in any case, on word boundaries ("Mei" is not in "meiosis").
 */
export class PeopleMatcher {
  private readonly alternatives: Alternative[];
  private readonly pattern: RegExp | null;

  constructor(people: readonly Person[]) {
    const initialsCount = new Map<string, number>();
    for (const person of people) {
      const parts = person.name.trim().split(/\s+/).map(lettersOf).filter((p) => p.length >= 2 && !PARTICLES.has(p.toLowerCase()));
      const initials = parts.map((p) => p[0]!.toUpperCase()).join("");
      initialsCount.set(initials, (initialsCount.get(initials) ?? 0) + 1);
    }
    // Longest first, so "dana.lee@acme.test" wins over "dana.lee", which wins over "Dana".
    this.alternatives = people.flatMap((p) => alternativesOf(p, initialsCount)).sort((a, b) => b.length - a.length);
    this.pattern = this.alternatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}_@.])@?(?:${this.alternatives.map((a) => `(${a.source})`).join("|")})(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}])`, "giu")
      : null;
  }

  private *matches(text: string): Generator<{ index: number; match: string; alternative: Alternative }> {
    if (!this.pattern) return;
    for (const match of text.matchAll(this.pattern)) {
      const group = match.slice(1).findIndex((g) => g !== undefined);
      const alternative = this.alternatives[group];
      if (!alternative) continue;
      const word = match[group + 1]!;
      if (alternative.capitalizedOnly && !(alternative.form === "initials" ? word === word.toUpperCase() : /^\p{Lu}/u.test(word))) continue;
      yield { index: match.index, match: match[0], alternative };
    }
  }

  find(text: string): Mention[] {
    return [...this.matches(text)].map(({ index, match, alternative }) => ({ personId: alternative.personId, form: alternative.form, match, context: around(text, index, match.length) }));
  }

  /** The text with each mention replaced by the role chosen for that person, capitalised where a sentence starts. */
  replace(text: string, roleOf: (personId: string) => string): string {
    let out = "";
    let last = 0;
    for (const { index, match, alternative } of this.matches(text)) {
      const role = roleOf(alternative.personId);
      const startsSentence = /(?:^|[.!?:]\s+|\n\s*|^\s*[-*#>|]+\s*)$/.test(text.slice(Math.max(0, index - 6), index)) || index === 0;
      out += text.slice(last, index) + (startsSentence ? role.charAt(0).toUpperCase() + role.slice(1) : role);
      last = index + match.length;
    }
    return out + text.slice(last);
  }
}
