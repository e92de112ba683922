import { describe, expect, it } from "vitest";
import { PeopleMatcher, type Person } from "@/lib/publishing/people";
import { findLeaks } from "@/lib/publishing/leaks";

const DANA: Person = { id: "dana", name: "Dana Whitfield", email: "dana.whitfield@acme.test" };
const MEI: Person = { id: "mei", name: "Mei Chen", email: "mchen@acme.test" };
const WILL: Person = { id: "will", name: "Will Okafor", email: "wo@acme.test" };
const people = [DANA, MEI, WILL];
const roles: Record<string, string> = { dana: "the incident commander", mei: "an engineer", will: "a responder" };

describe("people in every form", () => {
  const matcher = new PeopleMatcher(people);
  const forms = [
    ["Dana Whitfield rolled back.", "The incident commander rolled back."],
    ["It was Dana's call.", "It was the incident commander's call."],
    ["WHITFIELD paged the DBA", "The incident commander paged the DBA"],
    ["ask @dwhitfield or @mei", "ask the incident commander or an engineer"],
    ["mail dana.whitfield@acme.test now", "mail the incident commander now"],
    ["cc dana.whitfield and mchen", "cc the incident commander and an engineer"],
    ["Fixed by DW and MC.", "Fixed by the incident commander and an engineer."],
    ["mei noticed the graph", "An engineer noticed the graph"],
    ["Will Okafor said we will retry", "A responder said we will retry"],
    ["Will restarted it", "A responder restarted it"],
  ] as const;

  it.each(forms)("flags and replaces %j", (text, replaced) => {
    expect(matcher.find(text).length).toBeGreaterThan(0);
    expect(matcher.replace(text, (id) => roles[id]!)).toBe(replaced);
  });

  it("keeps word boundaries: Mei is not in meiosis, Dana not in Danaher, and the everyday word 'will' is nobody", () => {
    for (const text of ["meiosis and Danaher", "we will retry", "dw-7 is a host", "All clear."]) {
      expect(matcher.find(text), text).toEqual([]);
      expect(matcher.replace(text, () => "X")).toBe(text);
    }
  });

  it("initials count only when one member has them, and never common acronyms", () => {
    const twins = new PeopleMatcher([DANA, { id: "d2", name: "Dora Wu", email: "dora@acme.test" }]);
    expect(twins.find("DW fixed it")).toEqual([]);
    expect(new PeopleMatcher([{ id: "p", name: "Pat Mendes", email: "p@acme.test" }]).find("at 3 PM")).toEqual([]);
  });

  it("the leak check flags each person form", () => {
    const leaks = findLeaks("Dana's fix; @mchen reviewed; meiosis", { people, hostPatterns: [] });
    expect(leaks.filter((l) => l.kind === "person").map((l) => l.match)).toEqual(["Dana", "@mchen"]);
  });
});
