import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json } from "@/lib/http/route";
import { inviteToStage } from "@/lib/services/stage-invite";

export const POST = handle<{ id: string; pid: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  return json({ participant: await inviteToStage(appContext().deps, caller, params.pid) });
});
