import { RecordingFileQuerySchema } from "@/lib/contracts/recording";
import { requestIdentity } from "@/lib/adapters/identity";
import { rangedFileResponse } from "@/lib/http/ranged-file";
import { recordingIdParam } from "@/lib/http/recording-param";
import { handle } from "@/lib/adapters/route";
import { callIdParam, readQuery } from "@/lib/http/route";
import { recordingFile } from "@/lib/services/replays";

export const GET = handle<{ id: string; rid: string }>(async (req, params, ctx) => {
  const { deps, accounts } = ctx;
  const callId = callIdParam(params);
  const rid = recordingIdParam(params);
  const download = readQuery(req, RecordingFileQuerySchema).download === "1";
  const { caller, user } = await requestIdentity(ctx, req, callId, true);
  const file = await recordingFile(deps, accounts, callId, rid, { caller, user }, download);
  return rangedFileResponse(req, { path: file.path, size: file.size, type: "audio/ogg", downloadName: download ? file.downloadName : undefined });
});
