import Link from "next/link";
import type { CallDto } from "@/lib/contracts/dto";
import { formatDuration } from "../history/format";

/**
 * What is left of a call that ended while the page was open: who ended it, how long it ran, and
 * (for accounts, who keep their calls' history) where to read it again. Nothing to act on.
 */
export function CallEnded({
  callId,
  call,
  endedBy,
  canReadHistory,
}: {
  callId: string;
  call: CallDto | null;
  endedBy: string | null;
  canReadHistory: boolean;
}) {
  const ranFor = call?.endedAt ? formatDuration(Date.parse(call.endedAt) - Date.parse(call.createdAt)) : null;
  // Names are shown as written (never capitalised): "Ended by pleb-fox after 12 min."
  const summary = endedBy && ranFor ? `Ended by ${endedBy} after ${ranFor}.` : endedBy ? `Ended by ${endedBy}.` : ranFor ? `It ran for ${ranFor}.` : null;
  return (
    <section aria-labelledby="ended-heading" className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="ended-heading" className="text-lg font-semibold">
        This call has ended
      </h2>
      {summary && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{summary}</p>}
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Everyone has been disconnected. The chat stays here as read-only history.</p>
      <div className="mt-3 flex flex-wrap gap-x-4 gap-y-2 text-sm font-medium">
        {canReadHistory && (
          <Link href={`/calls/${callId}/history`} className="text-indigo-700 underline dark:text-indigo-300">
            Read its history
          </Link>
        )}
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
          Host or join another call
        </Link>
      </div>
    </section>
  );
}
