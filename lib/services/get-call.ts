import type { CallResponse } from "../contracts/rest";
import type { Deps } from "./deps";
import { callDto, participantDto } from "./dto";
import { requireCall } from "./load";

export async function getCall(deps: Pick<Deps, "store">, callId: string): Promise<CallResponse> {
  const call = await requireCall(deps.store, callId);
  const present = call.endedAt ? [] : await deps.store.listPresentParticipants(callId);
  return { call: await callDto(deps.store, call), participants: present.map((p) => participantDto(p, call.hostParticipantId)) };
}
