import { RecordingFileQuerySchema } from "@/lib/contracts/recording";
import { appContext } from "@/lib/context";
import { requestIdentity } from "@/lib/http/identity";
import { rangedFileResponse } from "@/lib/http/ranged-file";
import { recordingIdParam } from "@/lib/http/recording-param";
import { callIdParam, handle, readQuery } from "@/lib/http/route";
import { recordingFile } from "@/lib/services/replays";

export const GET = handle<{ id: string; rid: string }>(async (req, params) => {
  const { deps, accounts } = appContext();
  const callId = callIdParam(params);
  const rid = recordingIdParam(params);
  const download = readQuery(req, RecordingFileQuerySchema).download === "1";
  const { caller, user } = await requestIdentity(req, callId, true);
  const file = await recordingFile(deps, accounts, callId, rid, { caller, user }, download);
  return rangedFileResponse(req, { path: file.path, size: file.size, type: "audio/ogg", downloadName: download ? file.downloadName : undefined });
});
