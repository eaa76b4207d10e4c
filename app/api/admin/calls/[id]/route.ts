import { appContext } from "@/lib/context";
import { callIdParam, handle, json } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/http/site-admin";
import { inspectCall } from "@/lib/services/site-admin";

export const GET = handle<{ id: string }>(async (req, params) => {
  const admin = await requestSiteAdmin(req);
  return json(await inspectCall(appContext().deps, appContext().accounts, admin, callIdParam(params)));
});
