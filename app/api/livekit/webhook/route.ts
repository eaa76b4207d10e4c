import { appContext } from "@/lib/context";
import { handle } from "@/lib/http/route";
import { handleAudioEvent } from "@/lib/services/audio-events";

export const POST = handle(async (req) => {
  const { deps, verifyAudioWebhook } = appContext();
  // The signature covers the exact bytes sent: read the raw text, never re-serialised JSON.
  const event = await verifyAudioWebhook(await req.text(), req.headers.get("authorization"));
  if (event) await handleAudioEvent(deps, event);
  return new Response(null, { status: 204 });
});
