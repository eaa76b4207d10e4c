"use client";

import { RoomAudioRenderer, RoomContext } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { audience, stage, type RoomState } from "@/lib/client/call-state";
import { handOverCandidates, isLastAdmin } from "@/lib/client/people";
import type { ConnectionState } from "@/lib/client/call-connection";
import { useCallAudio } from "@/lib/client/use-call-audio";
import { type JoinPhase, useCallRoom } from "@/lib/client/use-call-room";
import { can } from "@/lib/domain/permissions";
import { ClaimGuestSeat } from "../account/claim-guest-seat";
import { ChatPanel } from "../chat/chat-panel";
import { HandQueue } from "../moderation/hand-queue";
import { ModerationBar } from "../moderation/moderation-bar";
import { AudiencePanel } from "./audience-panel";
import { RecordingPanel } from "../recording/recording-panel";
import { VoicePanel } from "./audio/voice-panel";
import { CallHeader } from "./call-header";
import { CallEnded } from "./call-ended";
import { CallProblem } from "./call-problem";
import { ConnectionBanner } from "./connection-status";
import { RemovedScreen } from "./removed-screen";
import type { ParticipantControls } from "./participant-list";
import { StageGrid } from "./stage-grid";
import { StageInvitePrompt } from "./stage-invite";
import { ControlBar } from "./control-bar";
import { Button } from "../ui/button";
import { useUnread } from "@/lib/client/use-unread";
import { useChatPlacement } from "@/lib/client/use-chat-placement";
import { useListeningControls } from "@/lib/client/use-listening-controls";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { FloatingReactions, ReactionMenu, ReactionPicker } from "./reactions";
import type { Reaction } from "@/lib/contracts/reactions";

export function CallRoom({ callId }: { callId: string }) {
  const router = useRouter();
  const r = useCallRoom(callId);
  const [leaving, setLeaving] = useState(false);
  const { room, connection } = r;
  const audio = useCallAudio({
    access: r.audioAccess,
    // Only once joined: the join answer carries the first token (a second join would race it).
    active: r.phase.kind === "joined" && !room.ended && connection.status !== "closed",
    refreshAccess: r.refreshAudioAccess,
    onMicChange: r.setMuted,
  });
  const speaking = new Set(audio.state.speaking);
  const chat = useChatPlacement();
  const unread = useUnread(room.messages.length, chat.sheetOpen, room.synced);
  const { shortcutsDialog, pushToTalk, setPushToTalk, volumes, handChime, setHandChime } = useListeningControls(r, audio);
  const react = (emoji: Reaction) => r.act("reaction:send", { emoji });

  if (r.phase.kind === "failed") return <JoinFailed phase={r.phase} />;
  if (connection.status === "closed" && (connection.code === "REMOVED" || connection.code === "BANNED")) {
    return <RemovedScreen callId={callId} banned={connection.code === "BANNED"} reason={connection.reason} />;
  }

  async function leave() {
    setLeaving(true);
    await r.leave();
    router.push("/");
  }

  const controls: ParticipantControls = {
    self: room.self,
    canModerate: !!room.self && can(room.self.role, "moderate") && !room.ended && connection.status === "connected",
    onSetRole: r.setRole,
    onInviteToStage: (participantId) => r.act("stage:invite", { participantId }),
  };

  const leaveProps = {
    lastAdmin: connection.status === "connected" && isLastAdmin(room.people, room.self?.id ?? null),
    candidates: handOverCandidates(room.people, room.self?.id ?? null),
    leaving,
    onLeave: () => void leave(),
    onHandOver: (participantId: string) => r.setRole(participantId, "admin"),
  };
  const live = room.synced && !room.ended && room.self !== null;

  return (
    <RoomContext.Provider value={audio.room}>
      <RoomAudioRenderer />
      <div className="flex min-h-dvh flex-col lg:h-dvh">
        <CallHeader
          callId={callId}
          call={room.call}
          self={room.self}
          connection={connection}
          ended={room.ended}
          listening={room.synced && !room.ended ? room.people.audienceCount.total : null}
          leave={leaveProps}
          onEnd={r.endCall}
        />
        <ConnectionBanner state={connection} ended={room.ended} canChat={!!room.self && can(room.self.role, "sendChat")} />
        <ModerationBar
          room={room}
          connected={connection.status === "connected"}
          act={r.act}
          onEnd={r.endCall}
          onDismissNotice={r.dismissNotice}
          logState={r.logState}
          onLoadOlderLog={r.loadOlderLog}
          onRetryLog={r.retryLog}
        />
        {live && room.self?.stageInvited && <StageInvitePrompt onAnswer={(accept) => r.act("stage:answer", { accept })} />}
        <ClaimGuestSeat callId={callId} self={room.self} ended={room.ended} />
        <main className={`grid flex-1 gap-4 p-4 max-lg:pb-24 lg:min-h-0 ${chat.desktopOpen ? "lg:grid-cols-[minmax(0,1fr)_24rem]" : ""}`}>
          <div className="flex min-w-0 flex-col gap-6 lg:min-h-0 lg:overflow-y-auto lg:pr-1">
            {room.ended ? (
              <CallEnded callId={callId} call={room.call} endedBy={room.endedBy} canReadHistory={room.self?.kind === "user"} />
            ) : room.synced ? (
              <>
                {!chat.desktopOpen && (
                  <Button variant="secondary" className="self-end max-lg:hidden" aria-expanded={false} aria-controls="chat-panel" onClick={chat.toggleDesktop}>
                    Show chat
                  </Button>
                )}
                <div className="relative">
                  <StageGrid people={stage(room)} controls={controls} speaking={speaking} volumes={volumes} />
                  <FloatingReactions reactions={r.reactions} />
                </div>
                <ReactionPicker onReact={react} className="max-lg:hidden" />
                {room.self && room.call?.recording && (
                  <RecordingPanel self={room.self} stage={stage(room)} act={r.act} disabled={connection.status !== "connected"} />
                )}
                {room.self && (
                  <VoicePanel
                    state={audio.state}
                    role={room.self.role}
                    chat={connection.status !== "connected" ? "down" : can(room.self.role, "sendChat") ? "write" : "read"}
                    micTrack={
                      audio.state.micOn ? (audio.room.localParticipant.getTrackPublication(Track.Source.Microphone)?.track?.mediaStreamTrack ?? null) : null
                    }
                    onToggleMic={audio.setMicrophone}
                    onEnablePlayback={audio.enablePlayback}
                    onReconnect={audio.reconnect}
                  />
                )}
                {room.self && can(room.self.role, "moderate") && (
                  <HandQueue
                    queue={room.people.hands}
                    total={room.people.audienceCount.hands}
                    hasMore={room.people.handsCursor !== null}
                    onLoadMore={r.loadMoreHands}
                    act={r.act}
                    disabled={!controls.canModerate}
                    chime={handChime}
                    onChime={setHandChime}
                  />
                )}
                <Button
                  variant="secondary"
                  className="self-start px-2 py-1 text-xs max-lg:hidden"
                  aria-haspopup="dialog"
                  onClick={() => shortcutsDialog.current?.showModal()}
                >
                  Keyboard shortcuts <kbd className="font-mono">?</kbd>
                </Button>
                <AudiencePanel
                  callId={callId}
                  count={room.people.audienceCount}
                  people={audience(room)}
                  hasMore={room.people.audienceCursor !== null}
                  loading={r.peopleState === "loading"}
                  failed={r.peopleState === "failed"}
                  onLoadMore={r.loadMoreAudience}
                  controls={controls}
                  speaking={speaking}
                />
              </>
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">{r.phase.kind === "joining" ? "Joining the call…" : "Connecting…"}</p>
            )}
          </div>
          {/* Chat: a side panel on wide screens (hideable), a sheet over the page on a phone (opened from the control bar). */}
          <div
            id="chat-panel"
            className={`${chat.sheetOpen ? "fixed inset-x-0 top-0 bottom-16 z-30 flex flex-col bg-slate-50 p-2 dark:bg-slate-950" : "hidden"} ${
              chat.desktopOpen ? "lg:static lg:z-auto lg:flex lg:min-h-0 lg:flex-col lg:bg-transparent lg:p-0" : "lg:hidden"
            }`}
          >
            {room.synced ? (
              <ChatPanel
                messages={room.messages}
                pending={room.pending}
                self={room.self}
                connected={connection.status === "connected"}
                hasOlder={room.nextCursor !== null}
                olderState={r.olderState}
                onLoadOlder={r.loadOlder}
                blockedReason={chatBlockedReason(room, connection)}
                readOnlyReason={chatReadOnlyReason(room)}
                refusal={r.chatRefusal}
                onDismissRefusal={r.dismissChatRefusal}
                onSend={r.sendChat}
                onHide={chat.hide}
                onRemove={controls.canModerate ? (messageId) => r.act("chat:remove", { messageId }) : undefined}
              />
            ) : null}
          </div>
        </main>
        <ShortcutsDialog ref={shortcutsDialog} pushToTalk={pushToTalk} onPushToTalk={setPushToTalk} />
        {live && room.self && (
          <ControlBar
            self={room.self}
            audio={audio.state}
            onToggleMic={audio.setMicrophone}
            act={r.act}
            connected={connection.status === "connected"}
            chatOpen={chat.sheetOpen}
            onToggleChat={chat.toggleSheet}
            unread={unread}
            reactions={<ReactionMenu onReact={react} />}
            leave={leaveProps}
            onEnd={r.endCall}
          />
        )}
      </div>
    </RoomContext.Provider>
  );
}

/** Why the person cannot write for now (it passes): the composer stays, disabled, with this sentence. */
function chatBlockedReason(room: RoomState, connection: ConnectionState): string | null {
  if (connection.status === "closed") return "You are disconnected from this call.";
  if (!room.self) return "Joining the call…";
  return null;
}

/** Why the person cannot write here at all: no composer then, a sentence saying how to get chat rights (or that the call ended). */
function chatReadOnlyReason(room: RoomState): string | null {
  if (room.ended) return "This call has ended; its chat is read-only.";
  if (!room.self || can(room.self.role, "sendChat")) return null;
  return `You are a ${room.self.role}: you can read the chat but not write in it. Raise your hand to ask the admins for chat rights or a turn on stage.`;
}

const FAILURE_TITLES: Record<string, string> = {
  CALL_NOT_FOUND: "No such call",
  CALL_ENDED: "This call has ended",
  INVALID_CALL_ID: "That is not a call link",
  CALL_LOCKED: "This call is locked",
  BANNED: "You cannot join this call",
};

function JoinFailed({ phase }: { phase: Extract<JoinPhase, { kind: "failed" }> }) {
  const title = FAILURE_TITLES[phase.code] ?? "Could not join the call";
  const message = phase.code === "CALL_ENDED" ? "Nobody can join it any more; its chat is kept as the call's history." : phase.message;
  return <CallProblem title={title} message={message} />;
}
