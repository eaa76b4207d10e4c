import { ParticipantsQuerySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readQuery } from "@/lib/http/route";
import { listParticipants } from "@/lib/services/list-participants";

export const GET = handle<{ id: string }>(async (req, params) => {
  const { deps } = appContext();
  const caller = await requestCaller(req, callIdParam(params));
  return json(await listParticipants(deps, caller, readQuery(req, ParticipantsQuerySchema)));
});
