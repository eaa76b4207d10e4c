import { appContext } from "@/lib/context";
import { requestIdentity } from "@/lib/http/identity";
import { recordingIdParam } from "@/lib/http/recording-param";
import { callIdParam, handle } from "@/lib/http/route";
import { deleteRecording } from "@/lib/services/replays";

export const DELETE = handle<{ id: string; rid: string }>(async (req, params) => {
  const { deps, accounts } = appContext();
  const callId = callIdParam(params);
  const rid = recordingIdParam(params);
  const { caller, user } = await requestIdentity(req, callId, true);
  await deleteRecording(deps, accounts, callId, rid, { caller, user });
  return new Response(null, { status: 204 });
});

