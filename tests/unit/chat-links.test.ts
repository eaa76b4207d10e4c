import { describe, expect, it } from "vitest";
import { continuesGroup, linkify } from "@/lib/client/links";

describe("chat links", () => {
  it("makes http and https links of a message, leaving sentence punctuation outside", () => {
    expect(linkify("Setlist at https://example.org/set?x=1, see you (http://a.example/b).")).toEqual([
      { kind: "text", text: "Setlist at " },
      { kind: "link", text: "https://example.org/set?x=1", href: "https://example.org/set?x=1" },
      { kind: "text", text: ", see you (" },
      { kind: "link", text: "http://a.example/b", href: "http://a.example/b" },
      { kind: "text", text: ")." },
    ]);
  });

  it("never links another scheme, or text that only looks like a link", () => {
    for (const body of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://files.example/x", "see www.example.org", "https://"]) {
      expect(linkify(body).some((p) => p.kind === "link")).toBe(false);
    }
    // Markup in a message is text; only the address inside it becomes a link (React escapes the rest).
    expect(linkify("<a href='https://x.example'>").filter((p) => p.kind === "link")).toEqual([
      { kind: "link", text: "https://x.example", href: "https://x.example/" },
    ]);
    expect(linkify("plain text")).toEqual([{ kind: "text", text: "plain text" }]);
  });
});

describe("message groups", () => {
  const m = (senderId: string, at: string) => ({ senderId, createdAt: `2026-01-01T12:${at}.000Z` });
  it("groups one person's consecutive messages written within minutes", () => {
    expect(continuesGroup(undefined, m("a", "00:00"))).toBe(false);
    expect(continuesGroup(m("a", "00:00"), m("a", "01:30"))).toBe(true);
    expect(continuesGroup(m("a", "00:00"), m("b", "00:10"))).toBe(false);
    expect(continuesGroup(m("a", "00:00"), m("a", "06:00"))).toBe(false);
  });
});
