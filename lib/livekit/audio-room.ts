import { TrackSource } from "@livekit/protocol";
import { RoomServiceClient, TwirpError } from "livekit-server-sdk";
import type { Role } from "../contracts/roles";
import { audioPermissions } from "../domain/audio-permissions";
import { isOnStage } from "../domain/stage";
import type { AudioRoom } from "../services/ports";
import { mintToken } from "./tokens";

export interface LiveKitSettings {
  /** Where this server reaches LiveKit's API (http or ws URL). */
  apiUrl: string;
  apiKey: string;
  apiSecret: string;
}

/** A participant not (or no longer) in the LiveKit room is not an error for us. */
const isNotFound = (e: unknown) => e instanceof TwirpError && (e.status === 404 || e.code === "not_found");

/** A role's whole permission set in the room: updateParticipant REPLACES it, so every field is sent. */
export function roomPermission(role: Role) {
  const p = audioPermissions(role);
  return {
    canSubscribe: p.canSubscribe,
    canPublish: p.canPublish,
    canPublishData: p.canPublishData,
    canPublishSources: p.publishSources.map(() => TrackSource.MICROPHONE),
    // A promotion unhides and allows publishing in one update; a demotion hides again.
    hidden: p.hidden,
    canUpdateMetadata: false,
  };
}

/** The AudioRoom port on a LiveKit server (local or external) through its RoomService API. */
export function liveKitAudioRoom(settings: LiveKitSettings, urls: Pick<AudioRoom, "publicUrl" | "verifyWebhook">): AudioRoom {
  const httpUrl = settings.apiUrl.replace(/^ws/, "http");
  const rooms = new RoomServiceClient(httpUrl, settings.apiKey, settings.apiSecret);
  const tolerant = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  };

  return {
    ...urls,
    token: (p) => mintToken(settings, p),

    applyRole: (callId, participantId, role: Role, previous?: Role) =>
      tolerant(async () => {
        // LiveKit tells nobody what a hidden participant does: revoke publishing while still visible,
        // so everyone sees the microphone go, then hide (measured: hiding first leaves a ghost track).
        if (previous && isOnStage(previous) && !isOnStage(role)) {
          await rooms.updateParticipant(callId, participantId, { permission: { ...roomPermission(role), hidden: false } });
        }
        await rooms.updateParticipant(callId, participantId, { permission: roomPermission(role) });
      }),

    muteMicrophone: (callId, participantId) =>
      tolerant(async () => {
        const info = await rooms.getParticipant(callId, participantId);
        for (const t of info.tracks) {
          if (t.source === TrackSource.MICROPHONE && !t.muted) await rooms.mutePublishedTrack(callId, participantId, t.sid, true);
        }
      }),

    remove: (callId, participantId) => tolerant(() => rooms.removeParticipant(callId, participantId)),

    endRoom: (callId) => tolerant(() => rooms.deleteRoom(callId)),

    async reachable() {
      try {
        const res = await fetch(httpUrl, { signal: AbortSignal.timeout(1500) });
        return res.ok;
      } catch {
        return false;
      }
    },
  };
}
