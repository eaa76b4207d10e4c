import { requestIdentity } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { callIdParam, json } from "@/lib/http/route";
import { listReplays } from "@/lib/services/replays";

export const GET = handle<{ id: string }>(async (req, params, ctx) => {
  const { deps, accounts } = ctx;
  const callId = callIdParam(params);
  // As for the history: strangers and other calls' credentials get 404 alike.
  const { caller, user } = await requestIdentity(ctx, req, callId, true);
  return json(await listReplays(deps, accounts, callId, { caller, user }));
});
