"use client";

import { type Dispatch, useCallback, useEffect, useState } from "react";
import { mayModerate } from "../domain/moderation";
import { api } from "./api";
import type { RoomEvent, RoomState } from "./call-state";

export type LogLoad = "idle" | "loading" | "failed";
/** Which page a load asked for, so "Try again" repeats the one that failed. */
type LogPage = "newest" | "older";

/**
 * Keeps an admin's moderation log filled: the newest page on every (re)connect
 * (live entries arrive over the socket in between), older pages on demand.
 */
export function useModerationLog(callId: string, room: RoomState, dispatch: Dispatch<RoomEvent>) {
  const [state, setState] = useState<LogLoad>("idle");
  const [failed, setFailed] = useState<LogPage>("newest");
  // The server's rule for who reads the live log; it refuses anyone else anyway.
  const isAdmin = room.self !== null && mayModerate(room.self.role).ok && !room.ended;
  const { syncs } = room;
  const cursor = room.log.nextCursor;

  const load = useCallback(
    async (before: string | null) => {
      setState("loading");
      try {
        dispatch({ type: "moderation-page", page: await api.moderationLog(callId, before), older: before !== null });
        setState("idle");
      } catch {
        setFailed(before === null ? "newest" : "older");
        setState("failed");
      }
    },
    [callId, dispatch],
  );

  useEffect(() => {
    if (isAdmin && syncs > 0) void load(null);
  }, [isAdmin, syncs, load]);

  const loadOlder = useCallback(() => {
    if (cursor && state !== "loading") void load(cursor);
  }, [cursor, state, load]);

  const retry = useCallback(() => void load(failed === "older" ? cursor : null), [load, failed, cursor]);

  return { logState: state, loadOlderLog: loadOlder, retryLog: retry };
}
