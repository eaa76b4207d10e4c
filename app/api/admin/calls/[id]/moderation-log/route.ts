import { MessagesQuerySchema } from "@/lib/contracts/rest";
import { handle } from "@/lib/adapters/route";
import { callIdParam, json, readQuery } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/adapters/site-admin";
import { inspectModerationLog } from "@/lib/services/site-admin";

/** Older pages of any call's moderation log, for /admin/calls/<id>. */
export const GET = handle<{ id: string }>(async (req, params, ctx) => {
  await requestSiteAdmin(ctx, req);
  return json(await inspectModerationLog(ctx.deps, callIdParam(params), readQuery(req, MessagesQuerySchema)));
});
