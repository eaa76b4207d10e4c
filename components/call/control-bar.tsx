"use client";

import type { AudioState } from "@/lib/client/audio-state";
import type { Act, ActionResult } from "@/lib/client/call-connection";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { HandButton } from "../moderation/hand-button";
import { Button } from "../ui/button";
import { MicToggle } from "./audio/voice-panel";
import { LeaveButton, type LeaveButtonProps } from "./leave-button";

export interface ControlBarProps {
  self: ParticipantDto;
  audio: AudioState;
  onToggleMic(on: boolean): void;
  act: Act;
  connected: boolean;
  chatOpen: boolean;
  onToggleChat(): void;
  /** Messages that arrived while the chat sheet was closed. */
  unread: number;
  leave: Omit<LeaveButtonProps, "onEnd">;
  onEnd: () => Promise<ActionResult>;
  /** The reactions picker, when there is one. */
  reactions?: React.ReactNode;
}

/**
 * A phone's controls, pinned to the bottom within thumb reach: microphone (for those who may
 * publish), raise hand (for those who may not), reactions, chat and leave. Desktop has them in place.
 */
export function ControlBar({ self, audio, onToggleMic, act, connected, chatOpen, onToggleChat, unread, leave, onEnd, reactions }: ControlBarProps) {
  const voiceUp = audio.link === "connected" || audio.link === "reconnecting";
  return (
    <nav
      aria-label="Call controls"
      className="fixed inset-x-0 bottom-0 z-40 flex items-center justify-around gap-2 border-t border-slate-200 bg-white/95 px-2 py-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] backdrop-blur lg:hidden dark:border-slate-800 dark:bg-slate-900/95"
    >
      {voiceUp && audio.canPublish && <MicToggle micOn={audio.micOn} onToggleMic={onToggleMic} compact />}
      <HandButton self={self} act={act} disabled={!connected} compact />
      {reactions}
      <Button variant={chatOpen ? "primary" : "secondary"} aria-pressed={chatOpen} onClick={onToggleChat}>
        Chat
        {unread > 0 && !chatOpen && (
          <span className="rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white" aria-label={`${unread} new`}>
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </Button>
      <LeaveButton {...leave} onEnd={onEnd} />
    </nav>
  );
}
