import Link from "next/link";
import type { MyCallsPage } from "@/lib/contracts/history";
import { LocalTime } from "../ui/local-time";
import { RoleBadge } from "../ui/role-badge";
import { CallStatus } from "./call-status";
import { formatDuration, plural } from "./format";

type MyCall = MyCallsPage["calls"][number];

/** The calls a user was in, newest first: what each was, when, and how they took part. */
export function MyCallList({ calls, empty }: { calls: MyCall[]; empty: string }) {
  if (calls.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <ul
      aria-label="Your calls"
      className="flex flex-col divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
    >
      {calls.map((c) => (
        <MyCallItem key={c.call.id} item={c} />
      ))}
    </ul>
  );
}

function MyCallItem({ item }: { item: MyCall }) {
  const { call, live } = item;
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/calls/${call.id}/history`} className="truncate font-semibold text-indigo-700 hover:underline dark:text-indigo-300">
            {call.title}
          </Link>
          <CallStatus live={live} />
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <LocalTime iso={call.createdAt} />
          <span>{live ? `${formatDuration(item.durationMs)} so far` : formatDuration(item.durationMs)}</span>
          <span>{live ? `${plural(call.participantCount, "person", "people")} here now` : plural(item.everyoneCount, "person", "people")}</span>
          <span className="flex items-center gap-1">
            you were <RoleBadge role={item.role} />
          </span>
          <span className="font-mono">{call.id}</span>
        </p>
      </div>
      {live && (
        <Link href={`/call/${call.id}`} className="shrink-0 self-start text-sm font-medium text-indigo-700 underline sm:self-center dark:text-indigo-300">
          Rejoin<span className="sr-only"> {call.title}</span>
        </Link>
      )}
    </li>
  );
}
