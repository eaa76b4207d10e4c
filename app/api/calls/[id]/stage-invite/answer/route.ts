import { StageAnswerSchema } from "@/lib/contracts/stage-invite";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { answerStageInvite } from "@/lib/services/stage-invite";

export const POST = handle<{ id: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  const { accept } = await readBody(req, StageAnswerSchema);
  return json({ participant: await answerStageInvite(appContext().deps, caller, accept) });
});
