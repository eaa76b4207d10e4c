/** What is known about someone asking to read a call's history. */
export interface HistoryReader {
  siteAdmin: boolean;
  /** Their participant in the call (by credential or by account), or null if they were never in it. */
  member: { removedAt: Date | null; banned: boolean; accountDisabled: boolean } | null;
}

/** May they read it, and up to when (null: all of it)? */
export type HistoryAccess = { ok: true; until: Date | null } | { ok: false };

/**
 * Who reads a call's history: everyone who was in it, all of it; someone an
 * admin removed, only what was said before the removal (they were there for
 * it); someone banned, or whose account a site admin disabled, nothing; site
 * admins, all of it. Anyone else is told the call does not exist.
 */
export function historyAccess(r: HistoryReader): HistoryAccess {
  if (r.siteAdmin) return { ok: true, until: null };
  const m = r.member;
  if (!m || m.banned || m.accountDisabled) return { ok: false };
  return { ok: true, until: m.removedAt };
}
