/** A chat message's text cut into plain runs and links. */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// Only http and https are ever links: javascript:, data: and the like stay text.
const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation after a link is the sentence's, not the link's.
const TRAILING = /[.,;:!?'")\]}>]+$/;

/** Finds the http(s) links in a message (what the URL parser accepts, nothing else). */
export function linkify(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of body.matchAll(CANDIDATE)) {
    const raw = match[0].replace(TRAILING, "");
    const start = match.index;
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) parts.push({ kind: "text", text: body.slice(last, start) });
    parts.push({ kind: "link", text: raw, href });
    last = start + raw.length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}

function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Consecutive messages from one person within this long read as one group (one name and time). */
export const GROUP_WINDOW_MS = 5 * 60_000;

/** Whether `message` continues the group of the one before it. */
export function continuesGroup(prev: { senderId: string; createdAt: string } | undefined, message: { senderId: string; createdAt: string }): boolean {
  return prev !== undefined && prev.senderId === message.senderId && Date.parse(message.createdAt) - Date.parse(prev.createdAt) < GROUP_WINDOW_MS;
}
