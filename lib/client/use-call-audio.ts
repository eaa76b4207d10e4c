"use client";

import { DisconnectReason, Room, RoomEvent } from "livekit-client";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { LiveKitAccess } from "../contracts/dto";
import { audioReducer, initialAudioState, microphoneErrorMessage } from "./audio-state";
import { backoffDelay } from "./backoff";
import { useLatest } from "./use-latest";

export interface CallAudioOptions {
  /** The token from the join answer; null when the server issued none. */
  access: LiveKitAccess | null;
  /** False once the page is done with the call (ended, left, removed): the room is left. */
  active: boolean;
  /** A fresh token for a retry, whose grants follow the current role (asked over the call's socket); may throw. */
  refreshAccess(): Promise<LiveKitAccess | null>;
  /** The microphone went on or off (by the person, a demotion or an admin): shown to everyone. */
  onMicChange(muted: boolean): void;
}

const RETRY = { minMs: 2000, maxMs: 30_000 };

/**
 * The page's one LiveKit room, audio only: joins with the participant's token,
 * retries with backoff (and a fresh token) while the media server is away,
 * and turns LiveKit's events into AudioState. Grants are the server's: this
 * hook only mirrors what LiveKit says this participant may do.
 */
export function useCallAudio({ access, active, refreshAccess, onMicChange }: CallAudioOptions) {
  // One Room for the page's lifetime: React StrictMode double-mounts would otherwise race two connections.
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const [state, dispatch] = useReducer(audioReducer, initialAudioState);
  const latest = useLatest({ refreshAccess, onMicChange });
  const connectNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!active) {
      dispatch({ type: "off" });
      return;
    }
    let stopped = false;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let micOn = false;
    // The join's token first (none: ask for one); every later attempt asks for a fresh one.
    let nextAccess: LiveKitAccess | null = access;

    const micChanged = () => {
      const on = room.localParticipant.isMicrophoneEnabled;
      dispatch({ type: "mic", on });
      if (on !== micOn) {
        micOn = on;
        latest.current.onMicChange(!on);
      }
    };
    const canPublish = () => room.localParticipant.permissions?.canPublish ?? false;

    const scheduleRetry = () => {
      // A failed connect both emits Disconnected and rejects: one retry, not two.
      if (stopped || retryTimer) return;
      attempt++;
      const delay = backoffDelay(attempt, RETRY);
      dispatch({ type: "unavailable", retryAt: Date.now() + delay });
      retryTimer = setTimeout(() => void connect(), delay);
    };

    const connect = async () => {
      retryTimer = null;
      if (stopped) return;
      dispatch({ type: "connecting" });
      try {
        const target = nextAccess ?? (await latest.current.refreshAccess());
        nextAccess = null;
        if (!target) throw new Error("no audio token");
        await room.connect(target.url, target.token, { autoSubscribe: true });
        if (stopped) return void room.disconnect();
        attempt = 0;
        dispatch({ type: "connected", canPublish: canPublish(), micOn: room.localParticipant.isMicrophoneEnabled, playbackBlocked: !room.canPlaybackAudio });
      } catch {
        if (!stopped) scheduleRetry();
      }
    };
    connectNow.current = () => {
      if (retryTimer) clearTimeout(retryTimer);
      void connect();
    };

    const onDisconnected = (reason?: DisconnectReason) => {
      if (stopped) return;
      micChanged();
      if (reason === DisconnectReason.DUPLICATE_IDENTITY) dispatch({ type: "elsewhere" });
      // Removed or the call ended: the call's socket says why; audio just stops.
      else if (reason === DisconnectReason.PARTICIPANT_REMOVED || reason === DisconnectReason.ROOM_DELETED) dispatch({ type: "off" });
      else if (reason !== DisconnectReason.CLIENT_INITIATED) scheduleRetry();
    };
    const onPermissions = (_previous: unknown, participant: { identity: string }) => {
      if (participant.identity !== room.localParticipant.identity) return;
      dispatch({ type: "permissions", canPublish: canPublish() });
      micChanged();
    };
    const onSpeakers = (speakers: Array<{ identity: string }>) => dispatch({ type: "speakers", ids: speakers.map((s) => s.identity) });
    const onPlayback = () => dispatch({ type: "playback", blocked: !room.canPlaybackAudio });
    const onReconnecting = () => dispatch({ type: "reconnecting" });
    const onReconnected = () => dispatch({ type: "reconnected" });

    // One list for events whose payloads differ: livekit-client pairs each event with its handler's type only per call.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const listeners: Array<[RoomEvent, (...args: any[]) => void]> = [
      [RoomEvent.Disconnected, onDisconnected],
      [RoomEvent.Reconnecting, onReconnecting],
      [RoomEvent.Reconnected, onReconnected],
      [RoomEvent.ParticipantPermissionsChanged, onPermissions],
      [RoomEvent.ActiveSpeakersChanged, onSpeakers],
      [RoomEvent.AudioPlaybackStatusChanged, onPlayback],
      [RoomEvent.LocalTrackPublished, micChanged],
      [RoomEvent.LocalTrackUnpublished, micChanged],
      [RoomEvent.TrackMuted, micChanged],
      [RoomEvent.TrackUnmuted, micChanged],
    ];
    for (const [event, handler] of listeners) room.on(event, handler);
    void connect();

    return () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      connectNow.current = () => undefined;
      for (const [event, handler] of listeners) room.off(event, handler);
      void room.disconnect();
      dispatch({ type: "off" });
    };
  }, [room, access, active, latest]);

  const setMicrophone = useCallback(
    async (on: boolean) => {
      // Browsers offer no microphone to a plain-http page that is not localhost.
      if (on && !window.isSecureContext) return dispatch({ type: "mic-error", message: microphoneErrorMessage({ name: "SecurityError" }) });
      try {
        await room.localParticipant.setMicrophoneEnabled(on);
      } catch (e) {
        dispatch({ type: "mic-error", message: microphoneErrorMessage(e as Error) });
      }
    },
    [room],
  );

  /** Must run inside a click handler: browsers allow audio playback only after a gesture. */
  const enablePlayback = useCallback(() => room.startAudio().catch(() => undefined), [room]);

  /** Takes the audio back to this tab (it moved to a newer one), or retries now instead of waiting. */
  const reconnect = useCallback(() => connectNow.current(), []);

  return { room, state, setMicrophone, enablePlayback, reconnect };
}
