import { appContext } from "@/lib/context";
import { handle } from "@/lib/adapters/route";
import { callIdParam, json } from "@/lib/http/route";
import { getCall } from "@/lib/services/get-call";

export const GET = handle<{ id: string }>(async (_req, params) => {
  return json(await getCall(appContext().deps, callIdParam(params)));
});
