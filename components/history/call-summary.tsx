import Link from "next/link";
import type { CallHistory } from "@/lib/contracts/history";
import { LocalTime } from "../ui/local-time";
import { CallStatus } from "./call-status";
import { formatDuration } from "./format";

/** What the call was: title, host, when it started and ended, how long it ran. */
export function CallSummary({ history }: { history: CallHistory }) {
  const { call, startedAt, endedAt, durationMs } = history;
  const live = endedAt === null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold tracking-tight break-words">{call.title}</h1>
        <CallStatus live={live} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-500 dark:text-slate-400">Host</dt>
        <dd>{call.hostName || "unknown"}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Call ID</dt>
        <dd className="font-mono">{call.id}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Started</dt>
        <dd>
          <LocalTime iso={startedAt} />
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Ended</dt>
        <dd>{endedAt ? <LocalTime iso={endedAt} /> : "still live"}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Duration</dt>
        <dd>{live ? `${formatDuration(durationMs)} so far` : formatDuration(durationMs)}</dd>
      </dl>
      {live && (
        <Link href={`/call/${call.id}`} className="self-start text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
          Go to the live call
        </Link>
      )}
    </div>
  );
}
