import { MessagesQuerySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readQuery } from "@/lib/http/route";
import { listModerationLog } from "@/lib/services/moderation-log";

export const GET = handle<{ id: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  return json(await listModerationLog(appContext().deps, caller, readQuery(req, MessagesQuerySchema)));
});
