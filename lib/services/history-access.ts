import { AppError } from "../domain/errors";
import { historyAccess } from "../domain/history-access";
import { type AccountDeps, isSiteAdmin } from "./accounts";
import type { Visitor } from "./admit-participant";
import type { Caller, Deps } from "./deps";
import type { ParticipantRecord } from "./ports";

/** Who is looking at a call's history: a participant credential of it, a signed-in account, both or neither. */
export interface HistoryViewer {
  caller: Caller | null;
  user: Visitor | null;
}

/**
 * May this viewer read the call's history (and its replays), and up to when?
 * The rule is the domain's `historyAccess`; anyone refused gets the same 404
 * as for a call that does not exist, so call IDs cannot be probed.
 */
export async function requireHistoryViewer(
  deps: Pick<Deps, "store" | "moderation">,
  accounts: Pick<AccountDeps, "users" | "adminEmails">,
  callId: string,
  viewer: HistoryViewer,
): Promise<{ member: ParticipantRecord | null; siteAdmin: boolean; until: Date | null }> {
  const byCredential = viewer.caller ? await deps.store.findParticipant(viewer.caller.participantId) : null;
  const member = (byCredential?.callId === callId ? byCredential : null) ?? (viewer.user ? await deps.store.findUserParticipant(callId, viewer.user.id) : null);
  const siteAdmin = viewer.user !== null && (await isSiteAdmin(accounts, viewer.user.id));
  const [banned, account] = await Promise.all([
    member?.removedAt ? deps.moderation.isBanned(callId, { userId: member.userId, deviceId: member.deviceId }) : false,
    member?.userId ? accounts.users.findUser(member.userId) : null,
  ]);
  const access = historyAccess({ siteAdmin, member: member && { removedAt: member.removedAt, banned, accountDisabled: account?.disabledAt != null } });
  if (!access.ok) throw new AppError("CALL_NOT_FOUND", `There is no call called "${callId}".`);
  return { member, siteAdmin, until: access.until };
}
