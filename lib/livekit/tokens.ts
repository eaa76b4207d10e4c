import { TrackSource } from "@livekit/protocol";
import { AccessToken, type VideoGrant } from "livekit-server-sdk";
import type { Role } from "../contracts/roles";
import { audioPermissions } from "../domain/audio-permissions";

export const TOKEN_TTL_SECONDS = 10 * 60;

export function videoGrant(role: Role, room: string): VideoGrant {
  const p = audioPermissions(role);
  return {
    roomJoin: true,
    room,
    canSubscribe: p.canSubscribe,
    canPublish: p.canPublish,
    canPublishData: p.canPublishData,
    canPublishSources: p.publishSources.map(() => TrackSource.MICROPHONE),
    canUpdateOwnMetadata: false,
    hidden: p.hidden,
  };
}

/** A short-lived token: identity = participant id, room = call id, role in attributes. */
export function mintToken(
  keys: { apiKey: string; apiSecret: string },
  p: { callId: string; participantId: string; displayName: string; role: Role },
): Promise<string> {
  const token = new AccessToken(keys.apiKey, keys.apiSecret, {
    identity: p.participantId,
    name: p.displayName,
    ttl: TOKEN_TTL_SECONDS,
    attributes: { role: p.role },
  });
  token.addGrant(videoGrant(p.role, p.callId));
  return token.toJwt();
}
