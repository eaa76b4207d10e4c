import { LockSchema } from "@/lib/contracts/socket";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { setLocked } from "@/lib/services/call-controls";

export const POST = handle<{ id: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  const { locked } = await readBody(req, LockSchema);
  return json({ call: await setLocked(appContext().deps, caller, locked) });
});
