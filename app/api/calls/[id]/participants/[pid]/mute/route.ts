import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json } from "@/lib/http/route";
import { muteParticipant } from "@/lib/services/moderate-participant";

export const POST = handle<{ id: string; pid: string }>(async (req, params) => {
  const { deps } = appContext();
  const caller = await requestCaller(req, callIdParam(params));
  return json({ participant: await muteParticipant(deps, caller, params.pid) });
});
