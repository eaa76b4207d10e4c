import type { CallDto } from "../contracts/dto";
import type { CallResponse } from "../contracts/rest";
import { isAppError } from "../domain/errors";
import type { AccountDeps } from "./accounts";
import type { Deps } from "./deps";
import { type HistoryViewer, requireHistoryViewer } from "./history-access";
import { countFailedLookup } from "./limits";
import { callDto, participantDto } from "./dto";
import { participantPage } from "./list-participants";
import { requireCall } from "./load";
import { CALL_STATE_AUDIENCE } from "./presence";

/**
 * A call as anyone may see it: the whole stage and the audience's first page,
 * bounded like call:state (the splash page reads this before every join);
 * `call.participantCount` counts everyone present.
 */
export async function getCall(deps: Pick<Deps, "store">, callId: string): Promise<CallResponse> {
  const call = await requireCall(deps.store, callId);
  if (call.endedAt) return { call: await callDto(deps.store, call), participants: [] };
  const [dto, stage, audience] = await Promise.all([
    callDto(deps.store, call),
    deps.store.listStage(callId),
    participantPage(deps, call, "audience", { search: null, cursor: null, limit: CALL_STATE_AUDIENCE }),
  ]);
  return { call: dto, participants: [...stage.map((p) => participantDto(p, call.hostParticipantId)), ...audience.participants] };
}

/**
 * Whether a call with this ID exists (live or ended), for the call page's 404. A miss counts
 * against the address's budget of unknown IDs, as a REST lookup does, so the page cannot be used to probe.
 */
export async function callExists(deps: Pick<Deps, "store" | "limits">, callId: string, address: string | null): Promise<boolean> {
  try {
    await requireCall(deps.store, callId);
    return true;
  } catch (e) {
    if (!isAppError(e)) throw e;
    await countFailedLookup(deps.limits, address, e);
    return false;
  }
}

/**
 * What the page of an ended call shows, as the open page did when it ended: who ended it (the
 * moderation log's end entry), how long it ran, and whether this viewer may read its history.
 * Null while the call is live.
 */
export async function endedCall(
  deps: Pick<Deps, "store" | "moderation">,
  accounts: Pick<AccountDeps, "users" | "adminEmails">,
  callId: string,
  viewer: HistoryViewer,
): Promise<{ call: CallDto; endedBy: string | null; canReadHistory: boolean } | null> {
  const call = await requireCall(deps.store, callId);
  if (!call.endedAt) return null;
  const [dto, newest, canReadHistory] = await Promise.all([
    callDto(deps.store, call),
    // Nothing is logged after the end (an ended call takes no more actions): its entry is among the newest.
    deps.moderation.list(callId, null, 5),
    // The history page is for accounts (a guest is sent to sign in), as the open page's link is.
    viewer.user === null
      ? false
      : requireHistoryViewer(deps, accounts, callId, viewer).then(
          () => true,
          (e) => {
            if (isAppError(e)) return false;
            throw e;
          },
        ),
  ]);
  return { call: dto, endedBy: newest.find((e) => e.action === "end")?.actorName ?? null, canReadHistory };
}
