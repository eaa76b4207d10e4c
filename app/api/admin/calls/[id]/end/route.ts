import { handle } from "@/lib/adapters/route";
import { callIdParam } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/adapters/site-admin";
import { endAnyCall } from "@/lib/services/site-admin";

export const POST = handle<{ id: string }>(async (req, params, ctx) => {
  const admin = await requestSiteAdmin(ctx, req);
  await endAnyCall(ctx.deps, admin, callIdParam(params));
  return new Response(null, { status: 204 });
});
