import { WORDS } from "./words";

/** Returns a random integer in [0, n); injected so tests can make draws predictable. */
export type RandomInt = (n: number) => number;

export function pickWord(randomInt: RandomInt): string {
  return WORDS[randomInt(WORDS.length)]!;
}

export function newCallId(randomInt: RandomInt): string {
  return [pickWord(randomInt), pickWord(randomInt), pickWord(randomInt)].join("-");
}

export const GUEST_PREFIX = "pleb-";

/**
 * A guest name not in `taken`. Random draws first; past a few collisions it
 * walks the list from a random start, and for a call with more guests than
 * words it adds a number, so it always terminates.
 */
export function newGuestName(taken: ReadonlySet<string>, randomInt: RandomInt): string {
  for (let i = 0; i < 8; i++) {
    const name = GUEST_PREFIX + pickWord(randomInt);
    if (!taken.has(name)) return name;
  }
  const start = randomInt(WORDS.length);
  for (let i = 0; i < WORDS.length; i++) {
    const name = GUEST_PREFIX + WORDS[(start + i) % WORDS.length];
    if (!taken.has(name)) return name;
  }
  for (let n = 2; ; n++) {
    const name = `${GUEST_PREFIX}${WORDS[start]}${n}`;
    if (!taken.has(name)) return name;
  }
}

/** A signed-in user's name, made unique in a call: "Ada", then "Ada (2)", "Ada (3)"... */
export function uniqueDisplayName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}
