import type { ModerationEntryDto, ModerationPage, ParticipantDto } from "../contracts/dto";
import type { Decision } from "../domain/decision";
import { moderationDecision } from "../domain/moderation";
import { can } from "../domain/permissions";
import { mayChangeRoleOf } from "../domain/role-change";
import { mergeById } from "./merge-by-id";

/** The moderation log as far back as loaded, newest first. */
export interface ModerationLog {
  entries: ModerationEntryDto[];
  /** Cursor for the page older than the last entry; null once the start is loaded. */
  nextCursor: string | null;
  /** The newest page has come from the server at least once. */
  loaded: boolean;
}

export const emptyLog: ModerationLog = { entries: [], nextCursor: null, loaded: false };

const idValue = (id: string) => Number(id);

const mergeEntries = (a: ModerationEntryDto[], b: ModerationEntryDto[]): ModerationEntryDto[] => mergeById(a, b, "newest-first");

/** A live `moderation:entry`: on top, once, whatever arrived first. */
export function withLiveEntry(log: ModerationLog, entry: ModerationEntryDto): ModerationLog {
  return { ...log, entries: mergeEntries(log.entries, [entry]) };
}

/**
 * Merges a REST page. An older page extends the bottom. A newest page (on
 * opening, after a reconnect) is merged when it touches what is known; when
 * more happened meanwhile than a page holds, what was known is dropped so the
 * log never shows a silent gap; known entries newer than the page (live ones
 * that beat the REST answer) are always kept.
 */
export function mergeLogPage(log: ModerationLog, page: ModerationPage, older: boolean): ModerationLog {
  if (older) return { entries: mergeEntries(log.entries, page.entries), nextCursor: page.nextCursor, loaded: true };
  const newestKnown = log.entries[0];
  const oldestNew = page.entries.at(-1);
  const gap = newestKnown && oldestNew && page.nextCursor !== null && idValue(oldestNew.id) > idValue(newestKnown.id);
  if (!log.loaded || gap || log.entries.length === 0) {
    // Live entries that arrived before this answer and are newer than it stay on top.
    const newestNew = page.entries[0];
    const newer = newestNew ? log.entries.filter((e) => idValue(e.id) > idValue(newestNew.id)) : log.entries;
    return { entries: mergeEntries(newer, page.entries), nextCursor: page.nextCursor, loaded: true };
  }
  const knownGoesFurther = oldestNew === undefined || idValue(log.entries.at(-1)!.id) < idValue(oldestNew.id);
  return { entries: mergeEntries(log.entries, page.entries), nextCursor: knownGoesFurther ? log.nextCursor : page.nextCursor, loaded: true };
}

/** "just now", "3 min ago", "2 h ago", "4 days ago": coarse on purpose. */
export function timeAgo(iso: string, nowMs: number): string {
  const s = Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 1000));
  if (s < 45) return "just now";
  const m = Math.max(1, Math.round(s / 60));
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.floor(h / 24);
  return d === 1 ? "1 day ago" : `${d} days ago`;
}

/** One log entry as a sentence without its actor: "made pleb-fox a speaker (was listener)". */
export function describeEntry(e: ModerationEntryDto): string {
  const target = e.targetName ?? "someone";
  switch (e.action) {
    case "role":
      return `made ${target} ${e.after === "admin" ? "an" : "a"} ${e.after ?? "?"}${e.before ? ` (was ${e.before})` : ""}`;
    case "mute":
      return `muted ${target}`;
    case "remove":
      return `removed ${target} (they may rejoin with the link)`;
    case "ban":
      return `banned ${target}${e.after === "account" ? " (their account; they cannot rejoin)" : e.after === "browser" ? " (their browser; they cannot rejoin)" : ""}`;
    case "lock":
      return "locked the call";
    case "unlock":
      return "unlocked the call";
    case "default-role":
      return `set the role for newcomers to ${e.after ?? "?"}${e.before ? ` (was ${e.before})` : ""}`;
    case "end":
      return "ended the call";
    case "recording-on":
      return "started recording";
    case "recording-off":
      return "stopped recording";
    case "recording-deleted":
      return "deleted a recording";
    case "message-removed":
      return `removed a message by ${target}`;
  }
}

export interface PersonControls {
  /** Giving them some other role (the server still refuses e.g. the last admin stepping down). */
  role: Decision;
  /** Shown for speakers and admins only. */
  mute: Decision | null;
  remove: Decision;
  ban: Decision;
}

/** What an admin may try on one person: the domain's own decisions, so the panel hides nothing the server would allow. */
export function personControls(self: ParticipantDto, target: ParticipantDto, hostId: string | null, presentAdmins: number): PersonControls {
  const facts = { actor: self, target: { id: target.id, left: false }, hostId };
  return {
    role: mayChangeRoleOf({ actor: self, target: { id: target.id, role: target.role, left: false }, hostId, presentAdminCount: presentAdmins }),
    mute: can(target.role, "publishMicrophone") ? moderationDecision("mute", facts) : null,
    remove: moderationDecision("remove", facts),
    ban: moderationDecision("ban", facts),
  };
}
