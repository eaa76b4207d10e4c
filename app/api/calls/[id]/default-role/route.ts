import { DefaultRoleSetSchema } from "@/lib/contracts/socket";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { setDefaultRole } from "@/lib/services/call-controls";

export const POST = handle<{ id: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  const { role } = await readBody(req, DefaultRoleSetSchema);
  return json({ call: await setDefaultRole(appContext().deps, caller, role) });
});
