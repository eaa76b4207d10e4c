import { ParticipantsQuerySchema } from "@/lib/contracts/rest";
import { requestCaller } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { callIdParam, json, readQuery } from "@/lib/http/route";
import { listParticipants } from "@/lib/services/list-participants";

export const GET = handle<{ id: string }>(async (req, params, ctx) => {
  const { deps } = ctx;
  const caller = await requestCaller(ctx, req, callIdParam(params));
  return json(await listParticipants(deps, caller, readQuery(req, ParticipantsQuerySchema)));
});
