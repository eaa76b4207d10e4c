import type { CallDto } from "@/lib/contracts/dto";
import { LocalTime } from "../ui/local-time";

export const callName = (call: CallDto) => call.title || call.id;

/** One line of /admin's call lists: a call's title, ID, host, and whether and how it is running. */
export function AdminCallSummary({ call }: { call: CallDto }) {
  const live = call.endedAt === null;
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <span className="flex flex-wrap items-center gap-1.5">
        <span className="truncate font-medium">{callName(call)}</span>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${live ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200" : "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200"}`}
        >
          {live ? "live" : "ended"}
        </span>
        {live && call.locked && (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-900/60 dark:text-amber-200">locked</span>
        )}
      </span>
      <span className="flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-400">
        <span className="font-mono">{call.id}</span>
        <span>host {call.hostName}</span>
        {live && <span>{call.participantCount === 1 ? "1 person" : `${call.participantCount} people`} present</span>}
        <span>
          {live ? "started" : "ended"} <LocalTime iso={call.endedAt ?? call.createdAt} />
        </span>
      </span>
    </div>
  );
}
