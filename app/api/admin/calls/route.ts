import { AdminCallsQuerySchema } from "@/lib/contracts/admin";
import { handle } from "@/lib/adapters/route";
import { json, readQuery } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/adapters/site-admin";
import { listCalls } from "@/lib/services/site-admin";

export const GET = handle(async (req, _params, ctx) => {
  await requestSiteAdmin(ctx, req);
  return json(await listCalls(ctx.deps, readQuery(req, AdminCallsQuerySchema)));
});
