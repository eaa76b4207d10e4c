import { MessagesQuerySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { callIdParam, handle, json, readQuery } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/http/site-admin";
import { inspectModerationLog } from "@/lib/services/site-admin";

/** Older pages of any call's moderation log, for /admin/calls/<id>. */
export const GET = handle<{ id: string }>(async (req, params) => {
  await requestSiteAdmin(req);
  return json(await inspectModerationLog(appContext().deps, callIdParam(params), readQuery(req, MessagesQuerySchema)));
});
