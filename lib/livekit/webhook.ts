import { TrackSource } from "@livekit/protocol";
import { WebhookReceiver } from "livekit-server-sdk";
import { AppError } from "../domain/errors";
import type { AudioEvent } from "../services/audio-events";

/**
 * Verifies a LiveKit webhook (signature over the raw body, in the
 * Authorization header) and turns it into an AudioEvent, or null for events
 * we do not track.
 */
export function liveKitWebhookVerifier(apiKey: string, apiSecret: string) {
  const receiver = new WebhookReceiver(apiKey, apiSecret);
  return async (rawBody: string, authorization: string | null): Promise<AudioEvent | null> => {
    let event;
    try {
      event = await receiver.receive(rawBody, authorization ?? undefined);
    } catch {
      throw new AppError("INVALID_SIGNATURE", "The webhook signature does not match its body.");
    }
    const callId = event.room?.name;
    const participantId = event.participant?.identity;
    if (!callId || !participantId) return null;
    const microphone = event.track?.source === TrackSource.MICROPHONE;
    switch (event.event) {
      case "participant_joined":
        return { kind: "joined", callId, participantId };
      case "participant_left":
        return { kind: "left", callId, participantId };
      case "track_published":
        return { kind: "published", callId, participantId, microphone };
      case "track_unpublished":
        return { kind: "unpublished", callId, participantId, microphone };
      default:
        return null;
    }
  };
}
