import { z } from "zod";

export const CALL_ID_PATTERN = /^[a-z]+-[a-z]+-[a-z]+$/;
export const CallIdSchema = z.string().max(64).regex(CALL_ID_PATTERN, "a call ID is three lowercase words joined by dashes");

/**
 * Pulls a call ID out of whatever a person pasted: the bare ID, a link to
 * /call/<id> (any host), with or without whitespace or a trailing slash.
 * Returns null when nothing in it looks like a call ID.
 */
export function extractCallId(input: string): string | null {
  const text = input.trim().toLowerCase();
  const fromPath = /\/call\/([^/?#\s]+)/.exec(text)?.[1];
  const candidate = (fromPath ?? text).replace(/\/+$/, "");
  return CALL_ID_PATTERN.test(candidate) ? candidate : null;
}
