"use client";

import { type AudioState, audioStatusMessage, type ChatReach } from "@/lib/client/audio-state";
import { useNow } from "@/lib/client/use-now";
import type { Role } from "@/lib/contracts/roles";
import { can } from "@/lib/domain/permissions";
import { Button } from "../../ui/button";
import { MicIcon, MicOffIcon, VolumeIcon } from "../../ui/icons";
import { MicTest, OwnLevel } from "./mic-level";

export interface VoicePanelProps {
  state: AudioState;
  role: Role;
  /** What the chat can do for this person now (the voice line says so when voice is down). */
  chat: ChatReach;
  /** The published microphone while it is on (its level is shown), else null. */
  micTrack: MediaStreamTrack | null;
  onToggleMic(on: boolean): void;
  onEnablePlayback(): void;
  onReconnect(): void;
}

/** The page's voice controls: link state, the autoplay gate, and the microphone for those allowed one. */
export function VoicePanel({ state, role, chat, micTrack, onToggleMic, onEnablePlayback, onReconnect }: VoicePanelProps) {
  const connected = state.link === "connected" || state.link === "reconnecting";
  return (
    <section aria-labelledby="voice-heading" className="flex flex-col gap-2 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <h2 id="voice-heading" className="sr-only">
        Voice
      </h2>
      <VoiceStatus state={state} chat={chat} />
      {state.link === "unavailable" && (
        <Button variant="secondary" onClick={onReconnect}>
          Retry voice now
        </Button>
      )}
      {state.link === "elsewhere" && (
        <Button variant="secondary" onClick={onReconnect}>
          Use voice in this tab
        </Button>
      )}
      {connected && state.playbackBlocked && (
        <Button onClick={onEnablePlayback}>
          <VolumeIcon /> Click to enable audio
        </Button>
      )}
      {/* On a phone the microphone is in the control bar at the bottom. */}
      {connected && (
        <div className="flex flex-col gap-2 max-lg:hidden">
          <MicControl state={state} role={role} onToggleMic={onToggleMic} />
        </div>
      )}
      {/* Before speaking, a test; while speaking, your own level (on a phone too). */}
      {connected && state.canPublish && (state.micOn ? <OwnLevel track={micTrack} /> : <MicTest />)}
    </section>
  );
}

function MicControl({ state, role, onToggleMic }: { state: AudioState; role: Role; onToggleMic(on: boolean): void }) {
  if (!state.canPublish) {
    // The media server is the authority on the grant; the sentence comes from the same matrix the server uses.
    const why = can(role, "publishMicrophone")
      ? "Your microphone permission is on its way…"
      : `You are a ${role}: you hear the stage. Only speakers and admins can use a microphone.`;
    return <p className="text-xs text-slate-500 dark:text-slate-400">{why}</p>;
  }
  return (
    <>
      <MicToggle micOn={state.micOn} onToggleMic={onToggleMic} />
      {state.micError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {state.micError}
        </p>
      )}
    </>
  );
}

/**
 * The link state in a live region, so screen readers hear each change; the
 * countdown to the next retry ticks beside it, outside the region, so it is not read out every second.
 */
function VoiceStatus({ state, chat }: { state: AudioState; chat: ChatReach }) {
  const now = useNow(state.link === "unavailable" ? 1000 : null);
  const { sentence, retry } = audioStatusMessage(state, now, chat);
  return (
    <p className="flex flex-wrap items-center gap-1.5 text-sm text-slate-700 dark:text-slate-300">
      <VolumeIcon className="shrink-0" />
      <span role="status">{sentence}</span>
      {retry && <span aria-hidden>{retry}</span>}
    </p>
  );
}

/** Red while muted, the convention everywhere: the colour and icon show the state the microphone is in, the label what a press does. */
export function MicToggle({ micOn, onToggleMic, compact = false }: { micOn: boolean; onToggleMic(on: boolean): void; compact?: boolean }) {
  return (
    <Button
      variant={micOn ? "secondary" : "danger"}
      aria-label={micOn ? "Turn microphone off" : "Turn microphone on"}
      onClick={() => onToggleMic(!micOn)}
      className={micOn ? "text-emerald-700 dark:text-emerald-300" : ""}
    >
      {micOn ? <MicIcon /> : <MicOffIcon />}
      {compact ? (micOn ? "Mic on" : "Muted") : micOn ? "Turn microphone off" : "Turn microphone on"}
    </Button>
  );
}
