import { MessagesQuerySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { requestIdentity } from "@/lib/http/identity";
import { callIdParam, handle, json, readQuery } from "@/lib/http/route";
import { callHistory } from "@/lib/services/call-history";

export const GET = handle<{ id: string }>(async (req, params) => {
  const { deps, accounts } = appContext();
  const callId = callIdParam(params);
  // 404 alike for strangers and for credentials of other calls: call IDs cannot be probed.
  const { caller, user } = await requestIdentity(req, callId, true);
  return json(await callHistory(deps, accounts, callId, { caller, user }, readQuery(req, MessagesQuerySchema)));
});
