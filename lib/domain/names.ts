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

/**
 * How many plain pleb-<word> names are worth trying in a call with `present` people: every taken
 * name costs a refused INSERT, and once the call holds about as many people as there are words
 * nearly every plain name is taken, so a big crowd goes straight to numbered names.
 */
export function plainGuestTries(present: number): number {
  if (present < WORDS.length / 4) return PLAIN_GUEST_TRIES;
  return present < WORDS.length ? 1 : 0;
}
/** Numbered names ("pleb-acid417", "Ada (417)") leave about two million free guest names. */
const NUMBER_RANGE = 998;

/**
 * The `attempt`-th name to try for a newcomer: their account name (or a random
 * pleb-<word>), then numbered variants. Nothing here reads who is in the call:
 * the database's unique index refuses a taken name and the caller tries the
 * next, so a join costs the same in a call of ten or of ten thousand.
 */
export function nameCandidate(userName: string | null, attempt: number, randomInt: RandomInt, plainTries = PLAIN_GUEST_TRIES): string {
  const n = 2 + randomInt(NUMBER_RANGE);
  if (userName !== null) return attempt === 0 ? userName : `${userName} (${attempt < PLAIN_GUEST_TRIES ? attempt + 1 : n})`;
  const word = GUEST_PREFIX + pickWord(randomInt);
  return attempt < plainTries ? word : `${word}${n}`;
}

/** A signed-in user's name, made unique in a call: "Ada", then "Ada (2)", "Ada (3)"... */
export function uniqueDisplayName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}
