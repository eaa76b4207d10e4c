import { AppError } from "../domain/errors";
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
 * May this viewer read the call's history (and its replays)? People who were
 * in the call and site admins may; anyone else gets the same 404 as for a call
 * that does not exist, so call IDs cannot be probed.
 */
export async function requireHistoryViewer(
  deps: Pick<Deps, "store">,
  accounts: Pick<AccountDeps, "users" | "adminEmails">,
  callId: string,
  viewer: HistoryViewer,
): Promise<{ member: ParticipantRecord | null; siteAdmin: boolean }> {
  const byCredential = viewer.caller ? await deps.store.findParticipant(viewer.caller.participantId) : null;
  const member =
    (byCredential?.callId === callId ? byCredential : null) ?? (viewer.user ? await deps.store.findUserParticipant(callId, viewer.user.id) : null);
  const siteAdmin = viewer.user !== null && (await isSiteAdmin(accounts, viewer.user.id));
  if (!member && !siteAdmin) throw new AppError("CALL_NOT_FOUND", `There is no call called "${callId}".`);
  return { member, siteAdmin };
}
