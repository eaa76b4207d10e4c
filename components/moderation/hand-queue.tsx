"use client";

import type { Act } from "@/lib/client/call-connection";
import { timeAgo } from "@/lib/client/moderation";
import { useAction } from "@/lib/client/use-action";
import { useNow } from "@/lib/client/use-now";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { Button } from "../ui/button";
import { HandIcon } from "../ui/icons";
import { RoleBadge } from "../ui/role-badge";
import { ActionError } from "./action-error";

const small = "px-2 py-1 text-xs";

/**
 * An admin's ordered queue of raised hands: invite to speak (or, for a listener, to chat), dismiss, or lower all.
 * A long queue is shown a page at a time (`total` counts every hand up).
 */
export function HandQueue({
  queue,
  total,
  hasMore,
  onLoadMore,
  act,
  disabled,
  chime,
  onChime,
}: {
  queue: ParticipantDto[];
  total: number;
  hasMore: boolean;
  onLoadMore: () => void;
  act: Act;
  disabled: boolean;
  /** This admin hears a chime when a hand goes up (a setting of this browser). */
  chime: boolean;
  onChime: (on: boolean) => void;
}) {
  const now = useNow();
  const { busy, error, run } = useAction();
  // Busy buttons keep keyboard focus (aria-disabled); `disabled` only while offline.
  const busyNow = busy !== null || undefined;
  return (
    <section aria-labelledby="hands-heading" className="rounded-xl border border-amber-200 bg-amber-50/60 p-3 dark:border-amber-900/70 dark:bg-amber-950/30">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="hands-heading" className="flex items-center gap-1.5 text-sm font-semibold text-slate-700 dark:text-slate-300">
          <HandIcon className="text-amber-600 dark:text-amber-400" />
          Raised hands <span className="font-normal text-slate-500 dark:text-slate-400">({Math.max(total, queue.length)})</span>
        </h2>
        {queue.length > 0 && (
          <Button
            variant="secondary"
            className={small}
            disabled={disabled}
            aria-disabled={busyNow}
            onClick={() => void run("all", () => act("hands:lower-all", {}))}
          >
            Lower all
          </Button>
        )}
      </div>
      <label className="mb-2 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <input type="checkbox" checked={chime} onChange={(e) => onChime(e.target.checked)} className="size-3.5" />
        Chime when a hand goes up
      </label>
      {queue.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No hands up. Listeners and chatters can raise a hand to ask to speak.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {queue.map((p, i) => (
            <li key={p.id} className="flex flex-col gap-1.5 rounded-lg bg-white p-2 dark:bg-slate-900">
              <div className="flex flex-wrap items-center gap-1.5 text-sm">
                <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">{i + 1}.</span>
                <span className="truncate font-medium">{p.displayName}</span>
                <RoleBadge role={p.role} />
                {p.handRaisedAt && (
                  <time dateTime={p.handRaisedAt} className="text-xs text-slate-500 dark:text-slate-400">
                    {timeAgo(p.handRaisedAt, now)}
                  </time>
                )}
              </div>
              <div className="flex flex-wrap gap-1.5">
                <Button
                  className={small}
                  disabled={disabled}
                  aria-disabled={busyNow}
                  aria-label={`Invite ${p.displayName} to speak`}
                  onClick={() => void run(p.id, () => act("hand:invite", { participantId: p.id, as: "speaker" }))}
                >
                  Invite to speak
                </Button>
                {p.role === "listener" && (
                  <Button
                    variant="secondary"
                    className={small}
                    disabled={disabled}
                    aria-disabled={busyNow}
                    aria-label={`Let ${p.displayName} chat instead`}
                    onClick={() => void run(p.id, () => act("hand:invite", { participantId: p.id, as: "chatter" }))}
                  >
                    Let chat
                  </Button>
                )}
                <Button
                  variant="secondary"
                  className={small}
                  disabled={disabled}
                  aria-disabled={busyNow}
                  aria-label={`Dismiss ${p.displayName}'s hand`}
                  onClick={() => void run(p.id, () => act("hand:dismiss", { participantId: p.id }))}
                >
                  Dismiss
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {hasMore && (
        <Button variant="secondary" className={`${small} mt-2`} onClick={onLoadMore}>
          Show more hands
        </Button>
      )}
      <ActionError message={error} className="mt-2" />
    </section>
  );
}
