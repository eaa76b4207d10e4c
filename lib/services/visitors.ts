import type { Visitor } from "./admit-participant";
import type { Caller, Deps } from "./deps";
import type { UserRecord } from "./ports";

export const displayNameOf = (u: Pick<UserRecord, "name" | "email">) => u.name || u.email?.split("@")[0] || "someone";

/** The signed-in account behind a session, unless it no longer exists or is disabled. */
export async function visitorFor(deps: Pick<Deps, "users">, userId: string | null): Promise<Visitor | null> {
  if (!userId) return null;
  const user = await deps.users.findUser(userId);
  if (!user || user.disabledAt) return null;
  return { id: user.id, name: displayNameOf(user) };
}

/** The participant a signed-in user is in a call, as a caller (sessions work wherever credentials do). */
export async function callerForUser(deps: Pick<Deps, "store">, callId: string, user: Visitor): Promise<Caller | null> {
  const p = await deps.store.findUserParticipant(callId, user.id);
  return p ? { callId, participantId: p.id } : null;
}
