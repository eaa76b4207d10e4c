import type { CallResponse } from "../contracts/rest";
import type { Deps } from "./deps";
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
