import { appContext } from "@/lib/context";
import { requestIdentity } from "@/lib/http/identity";
import { callIdParam, handle, json } from "@/lib/http/route";
import { listReplays } from "@/lib/services/replays";

export const GET = handle<{ id: string }>(async (req, params) => {
  const { deps, accounts } = appContext();
  const callId = callIdParam(params);
  // As for the history: strangers and other calls' credentials get 404 alike.
  const { caller, user } = await requestIdentity(req, callId, true);
  return json(await listReplays(deps, accounts, callId, { caller, user }));
});
