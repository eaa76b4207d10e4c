import { z } from "zod";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { inviteToSpeak } from "@/lib/services/hands";

const InviteBodySchema = z.strictObject({ as: z.enum(["speaker", "chatter"]).default("speaker") });

export const POST = handle<{ id: string; pid: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  const { as } = await readBody(req, InviteBodySchema);
  return json({ participant: await inviteToSpeak(appContext().deps, caller, params.pid, as) });
});
