import { AdminCallsQuerySchema } from "@/lib/contracts/admin";
import { appContext } from "@/lib/context";
import { handle, json, readQuery } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/http/site-admin";
import { listCalls } from "@/lib/services/site-admin";

export const GET = handle(async (req) => {
  await requestSiteAdmin(req);
  return json(await listCalls(appContext().deps, readQuery(req, AdminCallsQuerySchema)));
});
