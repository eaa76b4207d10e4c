"use client";

import { useEffect, useRef, useState } from "react";
import type { ChatRefusal } from "@/lib/client/use-call-room";
import type { PendingMessage } from "@/lib/client/outbox";
import type { MessageDto, ParticipantDto } from "@/lib/contracts/dto";
import { ArrowDownIcon } from "../ui/icons";
import type { ActionResult } from "@/lib/client/call-connection";
import { continuesGroup } from "@/lib/client/links";
import { ChatComposer } from "./chat-composer";
import { MessageItem, PendingItem } from "./message-item";
import { useChatScroll } from "./use-chat-scroll";

export interface ChatPanelProps {
  messages: MessageDto[];
  pending: PendingMessage[];
  self: ParticipantDto | null;
  connected: boolean;
  hasOlder: boolean;
  olderState: "idle" | "loading" | "failed";
  onLoadOlder: () => void;
  /** Why this person cannot write right now (joining, disconnected), or null when they can. */
  blockedReason: string | null;
  /** Why this person cannot write here at all (their role, or the call ended): then no composer, this sentence instead. */
  readOnlyReason: string | null;
  refusal: ChatRefusal | null;
  onDismissRefusal: () => void;
  onSend: (body: string) => void;
  /** Admins while connected: remove a message for everyone. */
  onRemove?: (messageId: string) => Promise<ActionResult>;
  /** Hides the chat (a side panel on wide screens, a sheet on a phone). */
  onHide?: () => void;
}

export function ChatPanel(props: ChatPanelProps) {
  const { messages, pending, self, hasOlder, olderState, onLoadOlder } = props;
  const lastMessage = messages.at(-1);
  const lastPending = pending.at(-1);
  const { ref, onScroll, unseen, scrollToBottom } = useChatScroll({
    firstKey: messages[0]?.id ?? null,
    lastKey: lastPending?.clientId ?? lastMessage?.id ?? null,
    lastIsOwn: lastPending !== undefined || (lastMessage !== undefined && lastMessage.senderId === self?.id),
    onNearTop: () => {
      if (hasOlder && olderState === "idle") onLoadOlder();
    },
  });
  const announcement = useNewMessageAnnouncement(lastMessage, self?.id ?? null);

  return (
    <section
      aria-labelledby="chat-heading"
      className="flex min-h-0 flex-1 flex-col rounded-2xl border border-slate-200 bg-slate-50/60 dark:border-slate-800 dark:bg-slate-900/40"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-1.5 dark:border-slate-800">
        <h2 id="chat-heading" className="py-1 text-sm font-semibold">
          Chat
        </h2>
        {props.onHide && (
          <button
            type="button"
            onClick={props.onHide}
            aria-controls="chat-panel"
            className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            Hide chat
          </button>
        )}
      </div>
      <div className="relative min-h-0 flex-1">
        <div ref={ref} onScroll={onScroll} className="absolute inset-0 overflow-y-auto px-3 py-3" tabIndex={0} role="region" aria-label="Chat messages">
          <OlderMessages
            hasOlder={hasOlder}
            state={olderState}
            onLoad={onLoadOlder}
            empty={messages.length === 0 && pending.length === 0}
            canWrite={props.readOnlyReason === null}
          />
          <ol className="flex flex-col gap-2">
            {messages.map((m, i) => (
              <MessageItem key={m.id} message={m} own={m.senderId === self?.id} continued={continuesGroup(messages[i - 1], m)} onRemove={props.onRemove} />
            ))}
            {pending.map((m) => (
              <PendingItem key={m.clientId} message={m} connected={props.connected} selfName={self?.displayName ?? "You"} />
            ))}
          </ol>
        </div>
        {unseen > 0 && (
          <button
            type="button"
            onClick={scrollToBottom}
            className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 items-center gap-1 rounded-full bg-indigo-600 px-3 py-1.5 text-xs font-medium text-white shadow-lg hover:bg-indigo-500"
          >
            {unseen === 1 ? "1 new message" : `${unseen} new messages`} <ArrowDownIcon />
          </button>
        )}
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {props.refusal && (
        <div
          role="alert"
          className="mx-3 mt-2 flex items-start justify-between gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          <p className="min-w-0 break-words">
            Not sent: “{truncate(props.refusal.body)}”. {props.refusal.message}
          </p>
          <button type="button" onClick={props.onDismissRefusal} className="shrink-0 text-xs font-medium underline">
            Dismiss
          </button>
        </div>
      )}
      {props.readOnlyReason ? (
        <p className="border-t border-slate-200 px-4 py-3 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">{props.readOnlyReason}</p>
      ) : (
        <ChatComposer blockedReason={props.blockedReason} onSend={props.onSend} />
      )}
    </section>
  );
}

function OlderMessages({
  hasOlder,
  state,
  onLoad,
  empty,
  canWrite,
}: {
  hasOlder: boolean;
  state: "idle" | "loading" | "failed";
  onLoad: () => void;
  empty: boolean;
  canWrite: boolean;
}) {
  if (!hasOlder) {
    const start = empty ? (canWrite ? "No messages yet. Say hello!" : "No messages yet.") : "Start of the chat";
    return <p className="pb-3 text-center text-xs text-slate-500 dark:text-slate-400">{start}</p>;
  }
  return (
    <div className="pb-3 text-center">
      <button
        type="button"
        onClick={onLoad}
        disabled={state === "loading"}
        className="text-xs font-medium text-indigo-700 underline disabled:no-underline dark:text-indigo-300"
      >
        {state === "loading" ? "Loading earlier messages…" : state === "failed" ? "Could not load earlier messages; try again" : "Load earlier messages"}
      </button>
    </div>
  );
}

/** Screen readers hear messages from others as they arrive, not the history loaded on entry. */
function useNewMessageAnnouncement(last: MessageDto | undefined, selfId: string | null): string {
  const [text, setText] = useState("");
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const id = last?.id ?? null;
    if (seen.current === undefined) {
      seen.current = id;
      return;
    }
    if (!last || id === seen.current) return;
    seen.current = id;
    if (last.senderId !== selfId) setText(`${last.senderName}: ${last.body}`);
  }, [last, selfId]);
  return text;
}

const truncate = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
