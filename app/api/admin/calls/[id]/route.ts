import { handle } from "@/lib/adapters/route";
import { callIdParam, json } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/adapters/site-admin";
import { inspectCall } from "@/lib/services/site-admin";

export const GET = handle<{ id: string }>(async (req, params, ctx) => {
  const admin = await requestSiteAdmin(ctx, req);
  return json(await inspectCall(ctx.deps, ctx.accounts, admin, callIdParam(params)));
});
