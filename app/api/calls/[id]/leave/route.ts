import { requestCaller } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { callIdParam } from "@/lib/http/route";
import { leaveCall } from "@/lib/services/leave-call";

export const POST = handle<{ id: string }>(async (req, params, ctx) => {
  const { deps } = ctx;
  await leaveCall(deps, await requestCaller(ctx, req, callIdParam(params)));
  return new Response(null, { status: 204 });
});
