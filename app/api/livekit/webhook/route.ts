import { AppError } from "@/lib/domain/errors";
import { handle } from "@/lib/adapters/route";
import { readText } from "@/lib/http/route";
import { handleAudioEvent } from "@/lib/services/audio-events";

/** LiveKit's webhooks are a few KiB; nothing bigger is read. */
const MAX_WEBHOOK_BYTES = 256 * 1024;
/** A signed token (header.payload.signature), as LiveKit sends in Authorization. */
const SIGNATURE_SHAPE = /^(Bearer )?[\w-]+\.[\w-]+\.[\w-]+$/;

export const POST = handle(async (req, _params, ctx) => {
  const { deps } = ctx;
  // Refused before a byte of the body is read: an unsigned sender cannot make us buffer anything.
  const authorization = req.headers.get("authorization");
  if (!authorization || !SIGNATURE_SHAPE.test(authorization)) throw new AppError("INVALID_SIGNATURE", "The webhook carries no signature.");
  // The signature covers the exact bytes sent: read the raw text, never re-serialised JSON.
  const event = await deps.audio.verifyWebhook(await readText(req, MAX_WEBHOOK_BYTES), authorization);
  if (event) await handleAudioEvent(deps, event);
  return new Response(null, { status: 204 });
});
