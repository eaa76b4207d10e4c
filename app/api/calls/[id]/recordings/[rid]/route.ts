import { requestIdentity } from "@/lib/adapters/identity";
import { recordingIdParam } from "@/lib/http/recording-param";
import { handle } from "@/lib/adapters/route";
import { callIdParam } from "@/lib/http/route";
import { deleteRecording } from "@/lib/services/replays";

export const DELETE = handle<{ id: string; rid: string }>(async (req, params, ctx) => {
  const { deps, accounts } = ctx;
  const callId = callIdParam(params);
  const rid = recordingIdParam(params);
  const { caller, user } = await requestIdentity(ctx, req, callId, true);
  await deleteRecording(deps, accounts, callId, rid, { caller, user });
  return new Response(null, { status: 204 });
});
