"use client";

import { type Room, RoomEvent } from "livekit-client";
import { useCallback, useEffect } from "react";
import { useStoredSetting } from "./use-stored-setting";

type Volumes = Record<string, number>;

/**
 * A volume (0..1) per speaker, remembered in this browser, applied to their audio in the LiveKit
 * room: at once, and again whenever their audio (re)appears (a reconnect, a new publication).
 */
export function useSpeakerVolumes(room: Room) {
  const [volumes, setVolumes] = useStoredSetting<Volumes>("earshot:speaker-volumes", {});
  useEffect(() => {
    const apply = () => {
      for (const p of room.remoteParticipants.values()) {
        const v = volumes[p.identity];
        if (v !== undefined) p.setVolume(v);
      }
    };
    apply();
    room.on(RoomEvent.TrackSubscribed, apply);
    room.on(RoomEvent.ParticipantConnected, apply);
    return () => {
      room.off(RoomEvent.TrackSubscribed, apply);
      room.off(RoomEvent.ParticipantConnected, apply);
    };
  }, [room, volumes]);
  const volumeOf = useCallback((participantId: string) => volumes[participantId] ?? 1, [volumes]);
  const setVolume = useCallback((participantId: string, v: number) => setVolumes({ ...volumes, [participantId]: v }), [volumes, setVolumes]);
  return { volumeOf, setVolume };
}
