import { describe, expect, it } from "vitest";
import { CALL_ID_PATTERN } from "@/lib/contracts/call-id";
import { GUEST_PREFIX, newCallId, nameCandidate, plainGuestTries } from "@/lib/domain/names";
import { WORDS } from "@/lib/domain/words";

const seq = (...values: number[]) => {
  let i = 0;
  return (n: number) => values[i++ % values.length]! % n;
};

describe("word list", () => {
  it("has at least 2,000 distinct lowercase words", () => {
    expect(WORDS.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(WORDS).size).toBe(WORDS.length);
    for (const w of WORDS) expect(w).toMatch(/^[a-z]+$/);
  });
});

describe("call IDs", () => {
  it("are three dictionary words joined by dashes", () => {
    const id = newCallId(seq(0, 1, 2));
    expect(id).toBe(`${WORDS[0]}-${WORDS[1]}-${WORDS[2]}`);
    expect(id).toMatch(CALL_ID_PATTERN);
  });

  it("draw from the whole list", () => {
    const id = newCallId(seq(WORDS.length - 1));
    expect(id.split("-")).toEqual([WORDS.at(-1), WORDS.at(-1), WORDS.at(-1)]);
  });
});

describe("name candidates", () => {
  it("start with a plain pleb-<word> for guests", () => {
    expect(nameCandidate(null, 0, seq(0, 5))).toBe(`${GUEST_PREFIX}${WORDS[5]}`);
  });

  it("turn to numbered guest names after a few collisions, so a busy call still finds a free one", () => {
    expect(nameCandidate(null, 2, seq(0, 7))).toMatch(/^pleb-[a-z]+$/);
    expect(nameCandidate(null, 3, seq(415, 7))).toBe(`pleb-${WORDS[7]}417`);
  });

  it("skip plain guest names a big call has nearly all taken (each taken one is a refused insert)", () => {
    expect([0, 500, 501, 2001, 2002, 10_000].map(plainGuestTries)).toEqual([3, 3, 1, 1, 0, 0]);
    expect(nameCandidate(null, 0, seq(415, 7), 0)).toBe(`pleb-${WORDS[7]}417`);
    expect(nameCandidate(null, 0, seq(0, 7), 1)).toBe(`pleb-${WORDS[7]}`);
    expect(nameCandidate(null, 1, seq(415, 7), 1)).toBe(`pleb-${WORDS[7]}417`);
  });

  it("give an account its own name first, then numbered variants", () => {
    expect(nameCandidate("Ada", 0, seq(0))).toBe("Ada");
    expect(nameCandidate("Ada", 1, seq(0))).toBe("Ada (2)");
    expect(nameCandidate("Ada", 2, seq(0))).toBe("Ada (3)");
    expect(nameCandidate("Ada", 5, seq(40))).toBe("Ada (42)");
  });
});
