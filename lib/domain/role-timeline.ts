import type { Role } from "../contracts/roles";

export interface RolePeriod {
  role: Role;
  from: Date;
  /** null while the role is still held. */
  until: Date | null;
}

/**
 * The roles someone held over time, from the role-change log: the role they
 * joined with is the first change's `from` (or their current role if it never
 * changed), then one period per change.
 */
export function roleTimeline(
  joinedAt: Date,
  currentRole: Role,
  changes: readonly { fromRole: Role; toRole: Role; createdAt: Date }[],
  endedAt: Date | null,
): RolePeriod[] {
  const sorted = [...changes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const periods: RolePeriod[] = [{ role: sorted[0]?.fromRole ?? currentRole, from: joinedAt, until: null }];
  for (const c of sorted) {
    periods.at(-1)!.until = c.createdAt;
    periods.push({ role: c.toRole, from: c.createdAt, until: null });
  }
  periods.at(-1)!.until = endedAt;
  return periods;
}

/** The timeline as it stood at `at` (null: now): later periods dropped, a period still running then left open. */
export function clipTimeline(periods: RolePeriod[], at: Date | null): RolePeriod[] {
  if (at === null) return periods;
  return periods.filter((p) => p.from <= at).map((p) => (p.until === null || p.until > at ? { ...p, until: null } : p));
}
