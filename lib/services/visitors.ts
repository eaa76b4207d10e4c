import type { Visitor } from "./admit-participant";
import type { Caller, Deps } from "./deps";
import type { UserRecord } from "./ports";

export const displayNameOf = (u: Pick<UserRecord, "name" | "email">) => u.name || u.email?.split("@")[0] || "someone";

/** Whether a session issued under `version` still stands for this account: not disabled, not signed out since. */
export const sessionStands = (user: UserRecord | null, version: number): user is UserRecord =>
  user !== null && !user.disabledAt && user.sessionVersion === version;

/** The signed-in account behind a session, unless it no longer exists, is disabled, or signed out since. */
export async function visitorFor(deps: Pick<Deps, "users">, claim: { userId: string; version: number } | null): Promise<Visitor | null> {
  if (!claim) return null;
  const user = await deps.users.findUser(claim.userId);
  if (!sessionStands(user, claim.version)) return null;
  return { id: user.id, name: displayNameOf(user) };
}

/** The participant a signed-in user is in a call, as a caller (sessions work wherever credentials do). */
export async function callerForUser(deps: Pick<Deps, "store">, callId: string, user: Visitor): Promise<Caller | null> {
  const p = await deps.store.findUserParticipant(callId, user.id);
  return p ? { callId, participantId: p.id } : null;
}
