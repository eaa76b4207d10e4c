import { requireCaller } from "@/lib/auth/identify";
import { appContext } from "@/lib/context";
import { callIdParam, credentialSources, handle } from "@/lib/http/route";
import { leaveCall } from "@/lib/services/leave-call";

export const POST = handle<{ id: string }>(async (req, params) => {
  const { env, deps } = appContext();
  await leaveCall(deps, requireCaller(env.EARSHOT_SECRET, callIdParam(params), credentialSources(req)));
  return new Response(null, { status: 204 });
});
