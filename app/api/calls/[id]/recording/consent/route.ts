import { ConsentSetSchema } from "@/lib/contracts/recording";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { setRecordingConsent } from "@/lib/services/recording-control";

export const POST = handle<{ id: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  const { consent } = await readBody(req, ConsentSetSchema);
  return json({ participant: await setRecordingConsent(appContext().deps, caller, consent) });
});
