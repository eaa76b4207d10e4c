import { requireCaller } from "@/lib/auth/identify";
import { appContext } from "@/lib/context";
import { RemoveParticipantBodySchema } from "@/lib/contracts/rest";
import { callIdParam, credentialSources, handle, readBody } from "@/lib/http/route";
import { removeParticipant } from "@/lib/services/moderate-participant";

export const POST = handle<{ id: string; pid: string }>(async (req, params) => {
  const { env, deps } = appContext();
  const caller = requireCaller(env.EARSHOT_SECRET, callIdParam(params), credentialSources(req));
  await readBody(req, RemoveParticipantBodySchema);
  await removeParticipant(deps, caller, params.pid);
  return new Response(null, { status: 204 });
});
