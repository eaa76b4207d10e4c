import { appContext } from "@/lib/context";
import { RemoveParticipantBodySchema } from "@/lib/contracts/rest";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, readBody } from "@/lib/http/route";
import { removeParticipant } from "@/lib/services/moderate-participant";

export const POST = handle<{ id: string; pid: string }>(async (req, params) => {
  const { deps } = appContext();
  const caller = await requestCaller(req, callIdParam(params));
  const { ban } = await readBody(req, RemoveParticipantBodySchema);
  await removeParticipant(deps, caller, params.pid, ban);
  return new Response(null, { status: 204 });
});
