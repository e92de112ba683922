import { describe, expect, it } from "vitest";
import { cleanMultiLine, cleanSingleLine, isBlank, multiLine, plausibleDate, singleLine } from "@/lib/validation";
import { titleSchema } from "@/lib/incidents/schema";

describe("text rules", () => {
  it("strips NUL and other control characters PostgreSQL cannot or should not store", () => {
    expect(cleanSingleLine("disk\u0000 full\u0007\u001b[31m!\u009b")).toBe("disk full[31m!");
    expect(cleanMultiLine("line 1\r\nline\u0000 2\r\tindented\u0085")).toBe("line 1\nline 2\n\tindented");
  });

  it("turns lone surrogates into U+FFFD so the text is valid UTF-8", () => {
    expect(cleanSingleLine("a\uD800b")).toBe("a\uFFFDb");
  });

  it("refuses titles that are only whitespace, zero-width or bidi characters", () => {
    for (const blank of ["   ", "\u200B\u200C", "\u202E\u2066 \u2069", "\uFEFF", "\u0000\u0001", "\u00AD"]) {
      expect(isBlank(blank)).toBe(true);
      const parsed = titleSchema.safeParse(blank);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Give the incident a title.");
    }
  });

  it("closes every bidi embedding, override and isolate a line leaves open, changing nothing visible", () => {
    const [LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI] = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
    const cases: [string, string][] = [
      [`Deploy ${RLO}exe.txt`, `Deploy ${RLO}exe.txt${PDF}`],
      [`a${LRE}b${RLE}c`, `a${LRE}b${RLE}c${PDF}${PDF}`],
      [`${LRO}x`, `${LRO}x${PDF}`],
      [`${RLI}x${LRI}y${FSI}z`, `${RLI}x${LRI}y${FSI}z${PDI}${PDI}${PDI}`],
      [`${RLO}x${LRI}y`, `${RLO}x${LRI}y${PDI}${PDF}`],
      // A PDI closes the embeddings opened inside its isolate; a PDF cannot close an isolate.
      [`${RLI}${RLO}x${PDI}y`, `${RLI}${RLO}x${PDI}y`],
      [`${RLI}x${PDF}y`, `${RLI}x${PDF}y${PDI}`],
      // Balanced text and stray closers stay as they are.
      [`${RLO}x${PDF} and ${RLI}y${PDI}`, `${RLO}x${PDF} and ${RLI}y${PDI}`],
      [`x${PDF}${PDI}`, `x${PDF}${PDI}`],
      ["plain", "plain"],
    ];
    for (const [typed, stored] of cases) {
      expect(cleanSingleLine(typed)).toBe(stored);
      expect(cleanSingleLine(stored), "cleaning twice changes nothing").toBe(stored);
      expect(stored.replace(/[\u202A-\u202E\u2066-\u2069]/g, "")).toBe(typed.replace(/[\u202A-\u202E\u2066-\u2069]/g, ""));
    }
    // Each line of a multi-line text is closed at its own end, so one line cannot reverse the next.
    expect(cleanMultiLine(`one ${RLO}two\nthree`)).toBe(`one ${RLO}two${PDF}\nthree`);
    // Closers added by cleaning do not count against the limit.
    expect(singleLine({ max: 5 }).parse(`ab${RLO}cde`)).toBe(`ab${RLO}cde${PDF}`);
  });

  it("keeps zero-width joiners inside real text (emoji, scripts)", () => {
    expect(titleSchema.parse("DB 👩\u200D💻 down")).toBe("DB 👩\u200D💻 down");
  });

  it("counts the limit after cleaning and says what it is", () => {
    const rule = singleLine({ max: 5, required: "Required." });
    expect(rule.parse("ab\u0000cde")).toBe("abcde");
    expect(rule.safeParse("abcdef").error?.issues[0]?.message).toBe("Keep it under 5 characters.");
    expect(multiLine({ max: 3 }).safeParse("a\nbc").error?.issues[0]?.message).toBe("Keep it under 3 characters.");
  });

  it("refuses dates no incident or task can have", () => {
    expect(plausibleDate().safeParse("0001-01-01").success).toBe(false);
    expect(plausibleDate().safeParse("9999-12-31").error?.issues[0]?.message).toMatch(/between 1970 and 2200/);
    expect(plausibleDate().parse("2026-03-08")).toBe("2026-03-08");
  });
});
