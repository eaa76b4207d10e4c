import { RecordingSetSchema } from "@/lib/contracts/recording";
import { appContext } from "@/lib/context";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { setRecording } from "@/lib/services/recording-control";

export const POST = handle<{ id: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  const { on } = await readBody(req, RecordingSetSchema);
  return json({ call: await setRecording(appContext().deps, caller, on) });
});
