"use client";

import { RoomAudioRenderer, RoomContext } from "@livekit/components-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { audience, stage, type RoomState } from "@/lib/client/call-state";
import { handOverCandidates, isLastAdmin } from "@/lib/client/people";
import type { ConnectionState } from "@/lib/client/call-connection";
import { useCallAudio } from "@/lib/client/use-call-audio";
import { type JoinPhase, useCallRoom } from "@/lib/client/use-call-room";
import { can, refusal } from "@/lib/domain/permissions";
import { ClaimGuestSeat } from "../account/claim-guest-seat";
import { ChatPanel } from "../chat/chat-panel";
import { HandQueue } from "../moderation/hand-queue";
import { ModerationBar } from "../moderation/moderation-bar";
import { AudiencePanel } from "./audience-panel";
import { RecordingPanel } from "../recording/recording-panel";
import { VoicePanel } from "./audio/voice-panel";
import { CallHeader } from "./call-header";
import { CallProblem } from "./call-problem";
import { ConnectionBanner } from "./connection-status";
import { RemovedScreen } from "./removed-screen";
import { type ParticipantControls, ParticipantList } from "./participant-list";

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
    canModerate: room.self?.role === "admin" && !room.ended && connection.status === "connected",
    onSetRole: r.setRole,
  };

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
        leave={{
          lastAdmin: connection.status === "connected" && isLastAdmin(room.people, room.self?.id ?? null),
          candidates: handOverCandidates(room.people, room.self?.id ?? null),
          leaving,
          onLeave: () => void leave(),
          onHandOver: (participantId) => r.setRole(participantId, "admin"),
        }}
        onEnd={r.endCall}
      />
      <ConnectionBanner state={connection} ended={room.ended} canChat={!!room.self && can(room.self.role, "sendChat")} />
      <ModerationBar room={room} connected={connection.status === "connected"} act={r.act} onEnd={r.endCall} onDismissNotice={r.dismissNotice} logState={r.logState} onLoadOlderLog={r.loadOlderLog} onRetryLog={r.retryLog} />
      <ClaimGuestSeat callId={callId} self={room.self} ended={room.ended} />
      <main className="grid flex-1 gap-4 p-4 lg:min-h-0 lg:grid-cols-[20rem_1fr]">
        <div className="flex flex-col gap-5 lg:min-h-0 lg:overflow-y-auto">
          {room.ended ? (
            <CallEnded />
          ) : room.synced ? (
            <>
              {room.self && room.call?.recording && <RecordingPanel self={room.self} stage={stage(room)} act={r.act} disabled={connection.status !== "connected"} />}
              {room.self && (
                <VoicePanel
                  state={audio.state}
                  role={room.self.role}
                  chat={connection.status !== "connected" ? "down" : can(room.self.role, "sendChat") ? "write" : "read"}
                  onToggleMic={audio.setMicrophone}
                  onEnablePlayback={audio.enablePlayback}
                  onReconnect={audio.reconnect}
                />
              )}
              {room.self?.role === "admin" && (
                <HandQueue
                  queue={room.people.hands}
                  total={room.people.audienceCount.hands}
                  hasMore={room.people.handsCursor !== null}
                  onLoadMore={r.loadMoreHands}
                  act={r.act}
                  disabled={!controls.canModerate}
                />
              )}
              <ParticipantList id="stage-heading" title="On stage" people={stage(room)} empty="Nobody is on stage." controls={controls} speaking={speaking} />
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
        <div className="flex h-[70dvh] min-h-80 flex-col lg:h-auto lg:min-h-0">
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
              refusal={r.chatRefusal}
              onDismissRefusal={r.dismissChatRefusal}
              onSend={r.sendChat}
            />
          ) : null}
        </div>
      </main>
    </div>
    </RoomContext.Provider>
  );
}

function chatBlockedReason(room: RoomState, connection: ConnectionState): string | null {
  if (room.ended) return "This call has ended; its chat is read-only.";
  if (connection.status === "closed") return "You are disconnected from this call.";
  if (!room.self) return "Joining the call…";
  return can(room.self.role, "sendChat") ? null : refusal(room.self.role, "sendChat");
}

function CallEnded() {
  return (
    <section aria-labelledby="ended-heading" className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="ended-heading" className="text-lg font-semibold">
        This call has ended
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Everyone has been disconnected. The chat stays here as read-only history.</p>
      <Link href="/" className="mt-3 inline-block text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
        Host or join another call
      </Link>
    </section>
  );
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
