import { appContext } from "@/lib/context";
import { callIdParam, handle } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/http/site-admin";
import { endAnyCall } from "@/lib/services/site-admin";

export const POST = handle<{ id: string }>(async (req, params) => {
  const admin = await requestSiteAdmin(req);
  await endAnyCall(appContext().deps, admin, callIdParam(params));
  return new Response(null, { status: 204 });
});
