import { AdminUsersQuerySchema } from "@/lib/contracts/admin";
import { appContext } from "@/lib/context";
import { handle, json, readQuery } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/http/site-admin";
import { listUsers } from "@/lib/services/site-admin";

export const GET = handle(async (req) => {
  await requestSiteAdmin(req);
  const { deps, accounts } = appContext();
  return json(await listUsers(deps, accounts, readQuery(req, AdminUsersQuerySchema)));
});
