"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { LiveKitAccess } from "../contracts/dto";
import type { SessionResponse } from "../contracts/rest";
import type { Role } from "../contracts/roles";
import { api, attempt, type ClientErrorCode, isApiError } from "./api";
import { type ActionEvent, type ActionPayload, type ActionResult, CallConnection, type ConnectionState, openCallSocket } from "./call-connection";
import { initialRoomState, type RoomEvent, roomReducer, type RoomState } from "./call-state";
import { useModerationLog } from "./use-moderation-log";
import { useFloatingReactions } from "./use-floating-reactions";

export type JoinPhase = { kind: "joining" } | { kind: "joined" } | { kind: "failed"; code: ClientErrorCode; message: string };

export interface ChatRefusal {
  body: string;
  message: string;
}

const inflightJoins = new Map<string, Promise<SessionResponse>>();

/**
 * React's development double-mount would otherwise send two joins before the
 * first answer's cookie is stored, and the second would make a second guest.
 */
function joinOnce(callId: string): Promise<SessionResponse> {
  let join = inflightJoins.get(callId);
  if (!join) {
    join = api.joinCall(callId).finally(() => inflightJoins.delete(callId));
    inflightJoins.set(callId, join);
  }
  return join;
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // blocked by privacy settings: the outbox then lives as long as the page
  }
}

function joinFailure(callId: string, e: unknown): Extract<JoinPhase, { kind: "failed" }> {
  if (!isApiError(e)) return { kind: "failed", code: "NETWORK", message: "Something went wrong while joining; reload to try again." };
  if (e.code === "CALL_NOT_FOUND") return { kind: "failed", code: e.code, message: `No call called “${callId}” exists. Check the link, or host a new call.` };
  if (e.code === "CALL_ENDED") return { kind: "failed", code: e.code, message: "This call has ended." };
  return { kind: "failed", code: e.code, message: e.message };
}

/**
 * The call page's state and actions: joins over HTTP (the httpOnly cookie makes
 * a reload or second tab the same participant), then lives on the socket.
 */
export function useCallRoom(callId: string) {
  const [room, dispatch] = useReducer(roomReducer, initialRoomState);
  const [phase, setPhase] = useState<JoinPhase>({ kind: "joining" });
  const [connection, setConnection] = useState<ConnectionState>({ status: "connecting", reason: null, code: null });
  const [chatRefusal, setChatRefusal] = useState<ChatRefusal | null>(null);
  const [olderState, setOlderState] = useState<"idle" | "loading" | "failed">("idle");
  const [audioAccess, setAudioAccess] = useState<LiveKitAccess | null>(null);
  const conn = useRef<CallConnection | null>(null);
  const { floating: reactions, show: showReactions } = useFloatingReactions();

  useEffect(() => {
    let active = true;
    let opened: CallConnection | null = null;
    const onNetwork = () => opened?.networkChanged();
    window.addEventListener("online", onNetwork);
    window.addEventListener("offline", onNetwork);

    joinOnce(callId).then(
      (session) => {
        if (!active) return;
        dispatch({ type: "joined", call: session.call, self: session.participant });
        setPhase({ kind: "joined" });
        setAudioAccess(session.livekit);
        opened = new CallConnection({
          callId,
          socket: openCallSocket(session.credential),
          storage: sessionStorageOrNull(),
          onEvent: dispatch,
          onStatus: setConnection,
          onChatRejected: (body, error) => setChatRefusal({ body, message: error.message }),
          onReactions: showReactions,
          isOnline: () => navigator.onLine,
        });
        conn.current = opened;
        setConnection(opened.connectionState);
      },
      (e: unknown) => {
        if (active) setPhase(joinFailure(callId, e));
      },
    );

    return () => {
      active = false;
      window.removeEventListener("online", onNetwork);
      window.removeEventListener("offline", onNetwork);
      opened?.close();
      conn.current = null;
    };
  }, [callId, showReactions]);

  const sendChat = useCallback((body: string) => {
    setChatRefusal(null);
    conn.current?.sendChat(body);
  }, []);

  const setRole = useCallback(
    (participantId: string, role: Role): Promise<ActionResult> =>
      conn.current?.setRole(participantId, role) ?? Promise.resolve({ ok: false, message: "You are not connected to this call." }),
    [],
  );

  const setMuted = useCallback((muted: boolean) => void conn.current?.setMuted(muted), []);

  /**
   * A fresh token for the current role, asked over the call's socket (a rejoin over HTTP would race the
   * call's end and touch presence). Throws while not connected or when refused: the audio hook retries later.
   */
  const refreshAudioAccess = useCallback(async () => {
    if (!conn.current) throw new Error("not connected to the call");
    return conn.current.audioAccess();
  }, []);

  /** Any moderation or hand action over the socket (the server decides; a refusal comes back as its sentence). */
  const act = useCallback(
    <E extends ActionEvent>(event: E, payload: ActionPayload<E>): Promise<ActionResult> =>
      conn.current?.act(event, payload) ?? Promise.resolve({ ok: false, message: "You are not connected to this call." }),
    [],
  );
  const dismissNotice = useCallback(() => dispatch({ type: "notice-dismissed" }), []);
  const log = useModerationLog(callId, room, dispatch);

  const nextCursor = room.nextCursor;
  const loadOlder = useCallback(async () => {
    if (!nextCursor || olderState === "loading") return;
    setOlderState("loading");
    try {
      dispatch({ type: "older-messages", page: await api.listMessages(callId, { before: nextCursor }) });
      setOlderState("idle");
    } catch {
      setOlderState("failed");
    }
  }, [callId, nextCursor, olderState]);

  const loadMorePeople = usePeoplePages(callId, room, dispatch);

  const leave = useCallback(async () => {
    conn.current?.close();
    try {
      await api.leaveCall(callId);
    } catch {
      // Leaving anyway: the server marks a participant with no connection away, then gone after its timeout.
    }
  }, [callId]);

  const endCall = useCallback((): Promise<ActionResult> => attempt(api.endCall(callId), "Could not end the call; try again."), [callId]);

  return {
    room,
    phase,
    connection,
    chatRefusal,
    dismissChatRefusal: () => setChatRefusal(null),
    olderState,
    audioAccess,
    refreshAudioAccess,
    setMuted,
    sendChat,
    setRole,
    loadOlder,
    ...loadMorePeople,
    leave,
    endCall,
    reactions,
    act,
    dismissNotice,
    ...log,
  };
}

/** "Show more" for the audience and (admins) the hand queue: the next page after what the room holds. */
function usePeoplePages(callId: string, room: RoomState, dispatch: (e: RoomEvent) => void) {
  const [peopleState, setPeopleState] = useState<"idle" | "loading" | "failed">("idle");
  const { audienceCursor, handsCursor } = room.people;
  const more = useCallback(
    async (group: "audience" | "hands", cursor: string | null) => {
      if (!cursor) return;
      setPeopleState("loading");
      try {
        const page = await api.listParticipants(callId, { group, cursor });
        dispatch({ type: group === "audience" ? "audience-page" : "hands-page", page });
        setPeopleState("idle");
      } catch {
        setPeopleState("failed");
      }
    },
    [callId, dispatch],
  );
  return {
    peopleState,
    loadMoreAudience: useCallback(() => void more("audience", audienceCursor), [more, audienceCursor]),
    loadMoreHands: useCallback(() => void more("hands", handsCursor), [more, handsCursor]),
  };
}
