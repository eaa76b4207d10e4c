import { z } from "zod";

// With the u flag, \p{Cs} matches only a surrogate that is not half of a pair.
const LONE_SURROGATE = /\p{Cs}/u;
// Characters that show as nothing: format characters (zero-width space, joiners, bidi marks, BOM),
// spaces, and the Hangul fillers that render blank.
const INVISIBLE = /[\p{Cf}\p{Z}\s\u115F\u1160\u3164\uFFA0]/gu;

/**
 * Text a person typed that the databases can keep exactly: no lone UTF-16
 * surrogates (they are not text, and cannot be encoded) and no NUL (SQLite
 * cuts the string there; Postgres refuses it). Such input is refused, never
 * silently changed.
 */
export const isStorableText = (s: string) => !LONE_SURROGATE.test(s) && !s.includes("\0");
export const STORABLE_TEXT = "must be plain text (no broken characters or NUL bytes)";

/** A string field of free text, refused unless storable. */
export const textSchema = () => z.string().refine(isStorableText, STORABLE_TEXT);

/** Whether a name would read as a guest's `pleb-…` once invisible characters and look-alike forms are set aside. */
export const looksLikeGuestName = (name: string) => /^pleb-/i.test(name.normalize("NFKC").replace(INVISIBLE, ""));

/** Whether a name shows as nothing at all. */
export const isInvisible = (name: string) => name.normalize("NFKC").replace(INVISIBLE, "") === "";
