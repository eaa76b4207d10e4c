import { SetDisabledBodySchema } from "@/lib/contracts/admin";
import { appContext } from "@/lib/context";
import { handle, json, readBody } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/http/site-admin";
import { setUserDisabled } from "@/lib/services/site-admin";

export const POST = handle<{ uid: string }>(async (req, params) => {
  const admin = await requestSiteAdmin(req);
  const { disabled } = await readBody(req, SetDisabledBodySchema);
  const { deps, accounts } = appContext();
  return json({ user: await setUserDisabled(deps, accounts, admin, params.uid, disabled) });
});
