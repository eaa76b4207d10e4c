import { SetRoleBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { setRole } from "@/lib/services/set-role";

export const POST = handle<{ id: string }>(async (req, params) => {
  const { deps } = appContext();
  const caller = await requestCaller(req, callIdParam(params));
  return json({ participant: await setRole(deps, caller, await readBody(req, SetRoleBodySchema)) });
});
