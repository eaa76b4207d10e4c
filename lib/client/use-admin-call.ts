"use client";

import { useCallback, useEffect, useState } from "react";
import type { MessageDto } from "../contracts/dto";
import { type AdminCallView, adminApi, isApiError } from "./api";
import { mergeById } from "./merge-by-id";
import { emptyLog, mergeLogPage, type ModerationLog } from "./moderation";

type Load = "idle" | "loading" | "failed";

/** /admin/calls/<id>: one call's history, transcript and moderation log, with older pages of both. */
export function useAdminCall(callId: string) {
  const [view, setView] = useState<AdminCallView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [log, setLog] = useState<ModerationLog>(emptyLog);
  const [logState, setLogState] = useState<Load>("idle");
  const [messages, setMessages] = useState<MessageDto[]>([]);
  const [messagesCursor, setMessagesCursor] = useState<string | null>(null);
  const [messagesState, setMessagesState] = useState<Load>("idle");

  useEffect(() => {
    let active = true;
    adminApi.inspectCall(callId).then(
      (v) => {
        if (!active) return;
        setView(v);
        setLog(mergeLogPage(emptyLog, v.moderation, false));
        setMessages(v.messages);
        setMessagesCursor(v.nextCursor);
      },
      (e: unknown) => active && setError(isApiError(e) ? e.message : "Could not load this call; reload to try again."),
    );
    return () => {
      active = false;
    };
  }, [callId]);

  const loadOlderLog = useCallback(async () => {
    if (!log.nextCursor) return;
    setLogState("loading");
    try {
      const page = await adminApi.moderationLog(callId, log.nextCursor);
      setLog((l) => mergeLogPage(l, page, true));
      setLogState("idle");
    } catch {
      setLogState("failed");
    }
  }, [callId, log.nextCursor]);

  const loadOlderMessages = useCallback(async () => {
    if (!messagesCursor) return;
    setMessagesState("loading");
    try {
      const page = await adminApi.history(callId, messagesCursor);
      setMessages((m) => mergeById(m, page.messages, "oldest-first"));
      setMessagesCursor(page.nextCursor);
      setMessagesState("idle");
    } catch {
      setMessagesState("failed");
    }
  }, [callId, messagesCursor]);

  return { view, error, log, logState, loadOlderLog, messages, hasOlderMessages: messagesCursor !== null, messagesState, loadOlderMessages };
}
