import { AdminUsersQuerySchema } from "@/lib/contracts/admin";
import { handle } from "@/lib/adapters/route";
import { json, readQuery } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/adapters/site-admin";
import { listUsers } from "@/lib/services/site-admin";

export const GET = handle(async (req, _params, ctx) => {
  await requestSiteAdmin(ctx, req);
  const { deps, accounts } = ctx;
  return json(await listUsers(deps, accounts, readQuery(req, AdminUsersQuerySchema)));
});
