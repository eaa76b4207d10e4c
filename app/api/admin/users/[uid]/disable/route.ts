import { SetDisabledBodySchema } from "@/lib/contracts/admin";
import { handle } from "@/lib/adapters/route";
import { json, readBody } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/adapters/site-admin";
import { setUserDisabled } from "@/lib/services/site-admin";

export const POST = handle<{ uid: string }>(async (req, params, ctx) => {
  const admin = await requestSiteAdmin(ctx, req);
  const { disabled } = await readBody(req, SetDisabledBodySchema);
  const { deps, accounts } = ctx;
  return json({ user: await setUserDisabled(deps, accounts, admin, params.uid, disabled) });
});
