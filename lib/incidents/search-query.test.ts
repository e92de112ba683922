import { describe, expect, it } from "vitest";
import { parseSearch, searchTsquery } from "@/lib/incidents/search-query";

describe("reading what was typed into the search box", () => {
  it("keeps punctuated tokens as typed, words for stemming, and quoted phrases", () => {
    expect(parseSearch('Ran rm -rf on /dev/sda1, "disk full" (nfs-share01)')).toEqual({
      words: ["ran", "rm", "on"],
      phrases: ["disk full"],
      tokens: ["-rf", "/dev/sda1", "nfs-share01"],
    });
  });

  it("treats a leading minus as part of the token, not as 'without'", () => {
    expect(parseSearch("deploy -rollback").tokens).toEqual(["-rollback"]);
  });

  it("quotes tokens so tsquery syntax in them is taken literally", () => {
    const sql = searchTsquery("it's a&b|c");
    expect(sql?.values).toEqual(["'it''s' & 'a&b|c'"]);
  });

  it("has nothing to search for in punctuation alone", () => {
    expect(searchTsquery(' - " " ')).toBeNull();
  });
});
