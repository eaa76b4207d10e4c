import type { AdminCallsPage, AdminCallsQuery, AdminUser, AdminUsersPage, AdminUsersQuery } from "../contracts/admin";
import type { CallHistory } from "../contracts/history";
import type { ModerationPage } from "../contracts/dto";
import type { MessagesQuery, SessionResponse } from "../contracts/rest";
import { AppError } from "../domain/errors";
import { isSiteAdmin, userDto, type AccountDeps } from "./accounts";
import type { Visitor } from "./admit-participant";
import { callHistory, decodeCallCursor, encodeCallCursor } from "./call-history";
import type { Deps } from "./deps";
import { finishCall } from "./end-call";
import { joinCall } from "./join-call";
import { announceEntries, moderationPage } from "./moderation-log";
import { afterLeft } from "./leave-call";
import { bestEffort } from "./audio-access";
import { callDtoOf, participantDto } from "./dto";
import { requireCall, requireTarget } from "./load";
import { changeRole } from "./set-role";
import type { Actor } from "./ports";

/** Site admins are accounts listed in ADMIN_EMAILS; everyone else is refused every admin API. */
export async function requireSiteAdmin(accounts: AccountDeps, user: Visitor | null): Promise<Visitor> {
  if (!user || !(await isSiteAdmin(accounts, user.id))) throw new AppError("FORBIDDEN", "Only site admins can do that.");
  return user;
}

const siteActor = (admin: Visitor): Actor => ({ id: null, name: `${admin.name} (site admin)` });

export async function listCalls(deps: Pick<Deps, "history">, q: AdminCallsQuery): Promise<AdminCallsPage> {
  const rows = await deps.history.listCalls({ status: q.status, search: q.q || null, before: decodeCallCursor(q.cursor), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return {
    calls: page.map((r) => callDtoOf(r.call, r.hostName, r.participantCount)),
    nextCursor: rows.length > q.limit && page.length ? encodeCallCursor(page.at(-1)!.call) : null,
  };
}

/** Any call's history and moderation log. */
export async function inspectCall(deps: Deps, accounts: AccountDeps, admin: Visitor, callId: string): Promise<CallHistory & { moderation: ModerationPage }> {
  const history = await callHistory(deps, accounts, callId, { caller: null, user: admin }, { limit: 50 });
  return { ...history, moderation: await moderationPage(deps, callId, { limit: 50 }) };
}

/** Any call's moderation log, a page at a time (newest first). */
export async function inspectModerationLog(deps: Deps, callId: string, q: MessagesQuery): Promise<ModerationPage> {
  if (!(await deps.store.findCall(callId))) throw new AppError("CALL_NOT_FOUND", `There is no call called "${callId}".`);
  return moderationPage(deps, callId, q);
}

export async function endAnyCall(deps: Deps, admin: Visitor, callId: string): Promise<void> {
  const call = await deps.store.findCall(callId);
  if (!call) throw new AppError("CALL_NOT_FOUND", `There is no call called "${callId}".`);
  await finishCall(deps, callId, siteActor(admin));
}

/** A site admin joins any live call (a locked one too) under their account, as an admin of it. */
export async function joinAsAdmin(deps: Deps, admin: Visitor, callId: string, audioUrl: string): Promise<SessionResponse> {
  const session = await joinCall(deps, callId, { returningParticipantId: null, user: admin, deviceId: null, bypassLock: true }, audioUrl);
  if (session.participant.role === "admin") return session;
  const call = await requireCall(deps.store, callId);
  const joined = await requireTarget(deps.store, callId, session.participant.id);
  // The site acts (no participant is the actor), so no call rule stands in the way; the store still writes it once.
  const participant = await changeRole(deps, call, siteActor(admin), joined, "admin");
  const livekit = session.livekit && {
    ...session.livekit,
    token: await deps.audio.token({ callId, participantId: participant.id, displayName: participant.displayName, role: participant.role }),
  };
  return { ...session, participant: participantDto(participant, call.hostParticipantId), livekit };
}

export async function listUsers(deps: Pick<Deps, "users">, accounts: AccountDeps, q: AdminUsersQuery): Promise<AdminUsersPage> {
  const rows = await deps.users.listUsers({ search: q.q || null, after: q.cursor ?? null, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return {
    users: page.map((u): AdminUser => ({ ...userDto(u, accounts.adminEmails), disabled: u.disabledAt !== null, createdAt: u.createdAt.toISOString() })),
    nextCursor: rows.length > q.limit && page.length ? page.at(-1)!.id : null,
  };
}

/**
 * Disables (or enables) an account. A disabled account is signed out (every
 * session check re-reads it), cannot sign in, and is removed from live calls.
 */
export async function setUserDisabled(deps: Deps, accounts: AccountDeps, admin: Visitor, userId: string, disabled: boolean): Promise<AdminUser> {
  if (userId === admin.id && disabled) throw new AppError("FORBIDDEN", "You cannot disable your own account.");
  const existing = await deps.users.findUser(userId);
  if (!existing) throw new AppError("USER_NOT_FOUND", "There is no such account.");
  const user = await deps.users.updateUser(userId, { disabledAt: disabled ? (existing.disabledAt ?? deps.clock.now()) : null });
  if (disabled) {
    const now = deps.clock.now();
    for (const p of await deps.history.listLiveParticipantsOfUser(userId)) {
      const entries = await deps.moderation.remove(p.callId, siteActor(admin), p.id, false, now);
      deps.notifier.notice(p.id, { code: "REMOVED", message: "A site admin disabled your account." });
      deps.notifier.disconnectParticipant(p.id);
      await afterLeft(deps, p, now);
      await bestEffort("removing from the audio room", () => deps.audio.remove(p.callId, p.id));
      await announceEntries(deps, p.callId, entries);
    }
  }
  return { ...userDto(user, accounts.adminEmails), disabled: user.disabledAt !== null, createdAt: user.createdAt.toISOString() };
}
