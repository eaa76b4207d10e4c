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

/** Plain guest names tried before numbered ones: past a few collisions the call is busy. */
const PLAIN_GUEST_TRIES = 3;
/** Numbered names ("pleb-acid417", "Ada (417)") leave about two million free guest names. */
const NUMBER_RANGE = 998;

/**
 * The `attempt`-th name to try for a newcomer: their account name (or a random
 * pleb-<word>), then numbered variants. Nothing here reads who is in the call:
 * the database's unique index refuses a taken name and the caller tries the
 * next, so a join costs the same in a call of ten or of ten thousand.
 */
export function nameCandidate(userName: string | null, attempt: number, randomInt: RandomInt): string {
  const n = 2 + randomInt(NUMBER_RANGE);
  if (userName !== null) return attempt === 0 ? userName : `${userName} (${attempt < PLAIN_GUEST_TRIES ? attempt + 1 : n})`;
  const word = GUEST_PREFIX + pickWord(randomInt);
  return attempt < PLAIN_GUEST_TRIES ? word : `${word}${n}`;
}

/** A signed-in user's name, made unique in a call: "Ada", then "Ada (2)", "Ada (3)"... */
export function uniqueDisplayName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}
