import { z } from "zod";

export const CALL_ID_PATTERN = /^[a-z]+-[a-z]+-[a-z]+$/;
export const CallIdSchema = z.string().max(64).regex(CALL_ID_PATTERN, "a call ID is three lowercase words joined by dashes");

/**
 * Pulls a call ID out of whatever a person pasted or typed: the bare ID, a link
 * to /call/<id> (any host), or the words as spoken ("Hard Crater Bacon"): any
 * case, separated by spaces, dashes or underscores, with stray whitespace or a
 * trailing slash. Returns null when nothing in it looks like a call ID.
 */
export function extractCallId(input: string): string | null {
  const text = input.trim().toLowerCase();
  const fromPath = /\/call\/([^/?#]+)/.exec(text)?.[1];
  const words = decodeOrKeep(fromPath ?? text)
    .split(/[\s_-]+/)
    .filter(Boolean);
  const candidate = words.join("-").replace(/\/+$/, "");
  return CALL_ID_PATTERN.test(candidate) ? candidate : null;
}

/** A pasted link may carry %20 for the spaces of a spoken ID; a malformed escape is kept as typed. */
function decodeOrKeep(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
