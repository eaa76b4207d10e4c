import { requireCaller } from "@/lib/auth/identify";
import { appContext } from "@/lib/context";
import { callIdParam, credentialSources, handle, json } from "@/lib/http/route";
import { muteParticipant } from "@/lib/services/moderate-participant";

export const POST = handle<{ id: string; pid: string }>(async (req, params) => {
  const { env, deps } = appContext();
  const caller = requireCaller(env.EARSHOT_SECRET, callIdParam(params), credentialSources(req));
  return json({ participant: await muteParticipant(deps, caller, params.pid) });
});
