import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle } from "@/lib/http/route";
import { leaveCall } from "@/lib/services/leave-call";

export const POST = handle<{ id: string }>(async (req, params) => {
  const { deps } = appContext();
  await leaveCall(deps, await requestCaller(req, callIdParam(params)));
  return new Response(null, { status: 204 });
});
