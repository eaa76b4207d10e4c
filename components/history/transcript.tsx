import type { ReactNode } from "react";
import type { MessageDto } from "@/lib/contracts/dto";
import { MessageItem } from "../chat/message-item";
import { Pager } from "./pager";

/**
 * One page of a call's chat, read-only, oldest first, with links to older and newest pages
 * (or, where older pages load in place, the `older` control instead of the link).
 */
export function Transcript({
  messages,
  olderHref,
  newestHref,
  older,
  exportBase,
}: {
  messages: MessageDto[];
  olderHref: string | null;
  newestHref: string | null;
  older?: ReactNode;
  /** The transcript download's address (`?format=md|json` is added), when the reader may download it. */
  exportBase?: string;
}) {
  return (
    <section aria-labelledby="transcript-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="transcript-heading" className="text-lg font-semibold">
          Transcript
        </h2>
        {exportBase && (
          <p className="flex gap-3 text-sm">
            <span className="text-slate-600 dark:text-slate-400">Download:</span>
            <a href={`${exportBase}?format=md`} download className="font-medium text-indigo-700 underline dark:text-indigo-300">
              Markdown
            </a>
            <a href={`${exportBase}?format=json`} download className="font-medium text-indigo-700 underline dark:text-indigo-300">
              JSON
            </a>
          </p>
        )}
      </div>
      {older ? (
        older
      ) : olderHref ? (
        <Pager label="Older messages" newestHref={null} olderHref={olderHref} olderText="Older messages" />
      ) : (
        messages.length > 0 && <p className="text-center text-xs text-slate-500 dark:text-slate-400">Start of the chat</p>
      )}
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {newestHref ? "There are no older messages." : "Nobody wrote anything in this call's chat."}
        </p>
      ) : (
        <ol aria-label="Messages" className="flex flex-col gap-2">
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} own={false} />
          ))}
        </ol>
      )}
      <Pager label="Newest messages" newestHref={newestHref} olderHref={null} olderText="" />
    </section>
  );
}
