import { MessagesQuerySchema } from "@/lib/contracts/rest";
import { requestIdentity } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { callIdParam, json, readQuery } from "@/lib/http/route";
import { callHistory } from "@/lib/services/call-history";

export const GET = handle<{ id: string }>(async (req, params, ctx) => {
  const { deps, accounts } = ctx;
  const callId = callIdParam(params);
  // 404 alike for strangers and for credentials of other calls: call IDs cannot be probed.
  const { caller, user } = await requestIdentity(ctx, req, callId, true);
  return json(await callHistory(deps, accounts, callId, { caller, user }, readQuery(req, MessagesQuerySchema)));
});
