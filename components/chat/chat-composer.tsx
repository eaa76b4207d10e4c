"use client";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import { MAX_MESSAGE_LENGTH } from "@/lib/contracts/chat";
import { Button } from "../ui/button";

/** The counter appears once a message gets this close to the limit. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 200;

/**
 * Enter sends, Shift+Enter starts a new line. `blockedReason` disables the
 * input and says why (e.g. the refusal sentence for listeners); it lifts live
 * when the reason goes away, with whatever was typed kept.
 */
export function ChatComposer({ blockedReason, onSend }: { blockedReason: string | null; onSend: (body: string) => void }) {
  const [text, setText] = useState("");
  const length = text.trim().length;
  const over = length > MAX_MESSAGE_LENGTH;
  const canSubmit = !blockedReason && length > 0 && !over;

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!canSubmit) return;
    onSend(text);
    setText("");
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  }

  const describedBy = [blockedReason ? "chat-blocked" : "chat-help", length >= COUNTER_FROM ? "chat-counter" : ""].filter(Boolean).join(" ");

  return (
    <form onSubmit={submit} className="flex flex-col gap-1.5 border-t border-slate-200 p-3 dark:border-slate-800">
      <label htmlFor="chat-input" className="sr-only">
        Message
      </label>
      <div className="flex items-end gap-2">
        <textarea
          id="chat-input"
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          disabled={blockedReason !== null}
          aria-describedby={describedBy}
          aria-invalid={over || undefined}
          placeholder={blockedReason ? "" : "Write a message…"}
          className="max-h-40 min-h-[2.75rem] flex-1 resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm placeholder:text-slate-400 disabled:cursor-not-allowed disabled:bg-slate-100 aria-[invalid=true]:border-red-500 dark:border-slate-700 dark:bg-slate-950 dark:placeholder:text-slate-500 dark:disabled:bg-slate-900"
        />
        <Button type="submit" disabled={!canSubmit}>
          Send
        </Button>
      </div>
      <div className="flex justify-between gap-2 text-xs">
        {blockedReason ? (
          <p id="chat-blocked" className="text-slate-700 dark:text-slate-300">
            {blockedReason}
          </p>
        ) : (
          <p id="chat-help" className="text-slate-500 dark:text-slate-400">
            Enter to send, Shift+Enter for a new line.
          </p>
        )}
        {length >= COUNTER_FROM && (
          <p
            id="chat-counter"
            className={`shrink-0 tabular-nums ${over ? "font-medium text-red-700 dark:text-red-400" : "text-slate-500 dark:text-slate-400"}`}
          >
            {over ? `${length - MAX_MESSAGE_LENGTH} over the ${MAX_MESSAGE_LENGTH} limit` : `${MAX_MESSAGE_LENGTH - length} characters left`}
          </p>
        )}
      </div>
    </form>
  );
}
