import type { PendingMessage } from "@/lib/client/outbox";
import type { MessageDto } from "@/lib/contracts/dto";
import { LocalTime } from "../ui/local-time";
import type { ActionResult } from "@/lib/client/call-connection";
import { ConfirmButton } from "../ui/confirm-button";
import { MessageText } from "./message-text";

const bubble = (own: boolean) =>
  own
    ? "ml-auto bg-indigo-50 border-indigo-100 dark:bg-indigo-950/60 dark:border-indigo-900"
    : "mr-auto bg-white border-slate-200 dark:bg-slate-900 dark:border-slate-800";

/**
 * One message. `continued`: the same person wrote the one before (moments ago), so the name and
 * time are not repeated on screen; screen readers still hear whose it is.
 */
export function MessageItem({
  message,
  own,
  continued = false,
  onRemove,
}: {
  message: MessageDto;
  own: boolean;
  continued?: boolean;
  /** Admins: remove it for everyone (asks first). */
  onRemove?: (messageId: string) => Promise<ActionResult>;
}) {
  return (
    <li className={`flex max-w-[85%] flex-col gap-0.5 rounded-xl border px-3 py-2 ${bubble(own)} ${continued ? "-mt-1" : ""}`}>
      {continued ? (
        <span className="sr-only">{message.senderName}</span>
      ) : (
        <span className="flex items-baseline gap-2">
          <span className="text-sm font-semibold">
            {message.senderName}
            {own && <span className="font-normal text-slate-500 dark:text-slate-400"> (you)</span>}
          </span>
          <LocalTime iso={message.createdAt} format="clock" className="text-xs text-slate-500 tabular-nums dark:text-slate-400" />
        </span>
      )}
      {message.removed ? <p className="text-sm text-slate-500 italic dark:text-slate-400">Message removed by an admin</p> : <MessageText body={message.body} />}
      {onRemove && !message.removed && (
        <ConfirmButton
          label="Remove"
          ariaLabel={`Remove message by ${message.senderName}`}
          variant="secondary"
          className="self-end px-1.5 py-0.5 text-xs"
          title="Remove this message for everyone?"
          body="It disappears from everyone's chat and from the call's history, which will say an admin removed it. The moderation log records it."
          confirmLabel="Remove message"
          busyLabel="Removing…"
          onConfirm={() => onRemove(message.id)}
        />
      )}
    </li>
  );
}

export function PendingItem({ message, connected, selfName }: { message: PendingMessage; connected: boolean; selfName: string }) {
  const status = message.note ?? (message.sending || connected ? "sending…" : "will send when reconnected");
  return (
    <li className={`flex max-w-[85%] flex-col gap-0.5 rounded-xl border border-dashed px-3 py-2 opacity-60 ${bubble(true)}`}>
      <span className="flex items-baseline gap-2">
        <span className="text-sm font-semibold">
          {selfName}
          <span className="font-normal text-slate-500 dark:text-slate-400"> (you)</span>
        </span>
        <span className="text-xs text-slate-600 italic dark:text-slate-400">{status}</span>
      </span>
      <MessageText body={message.body} />
    </li>
  );
}
