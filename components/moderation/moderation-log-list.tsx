import { describeEntry } from "@/lib/client/moderation";
import type { ModerationEntryDto } from "@/lib/contracts/dto";
import { Button } from "../ui/button";
import { LocalTime } from "../ui/local-time";

export interface ModerationLogListProps {
  /** Newest first. */
  entries: ModerationEntryDto[];
  /** An older page exists. */
  hasMore: boolean;
  loadState: "idle" | "loading" | "failed";
  onLoadMore: () => void;
  /** Show dates as well as times (for calls that may span days, e.g. history). */
  withDates?: boolean;
  empty?: string;
}

/** Who did what to whom, when: the moderation log, newest first. Reused by the admin panel, /admin and call history. */
export function ModerationLogList({
  entries,
  hasMore,
  loadState,
  onLoadMore,
  withDates = false,
  empty = "Nothing has been moderated yet.",
}: ModerationLogListProps) {
  return (
    <div className="flex flex-col gap-2">
      {entries.length === 0 && loadState !== "loading" ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>
      ) : (
        <ol aria-label="Moderation log entries" className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-col gap-0.5 py-1.5 text-sm sm:flex-row sm:gap-3">
              <LocalTime
                iso={e.createdAt}
                format={withDates ? "dateTime" : "clock"}
                className="shrink-0 text-xs text-slate-500 tabular-nums sm:w-28 sm:pt-0.5 dark:text-slate-400"
              />
              <p className="min-w-0 break-words">
                <span className="font-medium">{e.actorName}</span> {describeEntry(e)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {loadState === "failed" && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          Could not load the moderation log; check your connection and try again.
        </p>
      )}
      {(hasMore || loadState === "failed") && (
        <Button variant="secondary" className="self-start px-2 py-1 text-xs" aria-disabled={loadState === "loading" || undefined} onClick={onLoadMore}>
          {loadState === "loading" ? "Loading…" : loadState === "failed" ? "Try again" : "Show older entries"}
        </Button>
      )}
    </div>
  );
}
