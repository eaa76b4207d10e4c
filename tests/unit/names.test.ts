import { describe, expect, it } from "vitest";
import { CALL_ID_PATTERN } from "@/lib/contracts/call-id";
import { GUEST_PREFIX, newCallId, newGuestName } from "@/lib/domain/names";
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

describe("guest names", () => {
  it("are pleb-<word>", () => {
    expect(newGuestName(new Set(), seq(5))).toBe(`${GUEST_PREFIX}${WORDS[5]}`);
  });

  it("avoid names already taken in the call", () => {
    const taken = new Set([`pleb-${WORDS[5]}`]);
    expect(newGuestName(taken, seq(5, 5, 7))).toBe(`pleb-${WORDS[7]}`);
  });

  it("still find a free name when random draws keep colliding", () => {
    const taken = new Set(WORDS.slice(0, 100).map((w) => `pleb-${w}`));
    const name = newGuestName(taken, seq(3));
    expect(taken.has(name)).toBe(false);
    expect(name).toMatch(/^pleb-[a-z]+$/);
  });

  it("terminate even when every word is taken", () => {
    const taken = new Set(WORDS.map((w) => `pleb-${w}`));
    const name = newGuestName(taken, seq(0));
    expect(taken.has(name)).toBe(false);
    expect(name).toBe(`pleb-${WORDS[0]}2`);
  });
});
