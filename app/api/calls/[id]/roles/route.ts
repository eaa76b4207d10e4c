import { requireCaller } from "@/lib/auth/identify";
import { SetRoleBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { callIdParam, credentialSources, handle, json, readBody } from "@/lib/http/route";
import { setRole } from "@/lib/services/set-role";

export const POST = handle<{ id: string }>(async (req, params) => {
  const { env, deps } = appContext();
  const caller = requireCaller(env.EARSHOT_SECRET, callIdParam(params), credentialSources(req));
  return json({ participant: await setRole(deps, caller, await readBody(req, SetRoleBodySchema)) });
});
