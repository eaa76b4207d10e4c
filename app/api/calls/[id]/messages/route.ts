import { requireCaller } from "@/lib/auth/identify";
import { MessagesQuerySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { callIdParam, credentialSources, handle, json, readQuery } from "@/lib/http/route";
import { listMessages } from "@/lib/services/list-messages";

export const GET = handle<{ id: string }>(async (req, params) => {
  const { env, deps } = appContext();
  const caller = requireCaller(env.EARSHOT_SECRET, callIdParam(params), credentialSources(req));
  return json(await listMessages(deps, caller, readQuery(req, MessagesQuerySchema)));
});
