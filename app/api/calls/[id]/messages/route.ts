import { MessagesQuerySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readQuery } from "@/lib/http/route";
import { listMessages } from "@/lib/services/list-messages";

export const GET = handle<{ id: string }>(async (req, params) => {
  const { deps } = appContext();
  const caller = await requestCaller(req, callIdParam(params));
  return json(await listMessages(deps, caller, readQuery(req, MessagesQuerySchema)));
});
