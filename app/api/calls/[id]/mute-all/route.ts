import { EmptySchema } from "@/lib/contracts/socket";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, readBody } from "@/lib/http/route";
import { muteAllSpeakers } from "@/lib/services/moderate-participant";

/** Mutes every speaker and admin except the caller. */
export const POST = handle<{ id: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  await readBody(req, EmptySchema);
  await muteAllSpeakers(appContext().deps, caller);
  return new Response(null, { status: 204 });
});
