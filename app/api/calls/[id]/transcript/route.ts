import { requestIdentity } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { TranscriptQuerySchema } from "@/lib/contracts/transcript";
import { callIdParam, json, readQuery } from "@/lib/http/route";
import { exportTranscript, transcriptMarkdown } from "@/lib/services/export-transcript";

/** The whole transcript as a download, Markdown or JSON; readers as for the history (404 alike for everyone else). */
export const GET = handle<{ id: string }>(async (req, params, ctx) => {
  const { deps, accounts } = ctx;
  const callId = callIdParam(params);
  const { format } = readQuery(req, TranscriptQuerySchema);
  const { caller, user } = await requestIdentity(ctx, req, callId, true);
  const transcript = await exportTranscript(deps, accounts, callId, { caller, user });
  const attachment = { "Content-Disposition": `attachment; filename="${callId}-transcript.${format}"` };
  if (format === "json") return json(transcript, 200, attachment);
  return new Response(transcriptMarkdown(transcript), { status: 200, headers: { "Content-Type": "text/markdown; charset=utf-8", ...attachment } });
});
