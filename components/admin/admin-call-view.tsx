"use client";

import Link from "next/link";
import { useAdminCall } from "@/lib/client/use-admin-call";
import type { CallHistory } from "@/lib/contracts/history";
import { ModerationLogList } from "../moderation/moderation-log-list";
import { Button } from "../ui/button";
import { HostBadge } from "../ui/role-badge";
import { cardClass } from "../ui/styles";
import { CallSummary } from "./call-summary";

/** /admin/calls/<id>: who was there in which role, what was said, and the moderation log. */
export function AdminCallView({ callId }: { callId: string }) {
  const c = useAdminCall(callId);
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 sm:py-10">
      <header className="flex flex-col gap-1">
        <Link href="/admin" className="self-start text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
          ← Site admin
        </Link>
        <h1 className="text-2xl font-bold tracking-tight">{c.view?.call.title || callId}</h1>
      </header>
      {c.error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {c.error}
        </p>
      )}
      {!c.view && !c.error && <p className="text-slate-500 dark:text-slate-400">Loading…</p>}
      {c.view && (
        <>
          <section aria-labelledby="summary-heading" className={cardClass}>
            <h2 id="summary-heading" className="sr-only">
              Summary
            </h2>
            <CallSummary call={c.view.call} />
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              {c.view.endedAt ? "Lasted" : "Running for"} {formatDuration(c.view.durationMs)}.
            </p>
          </section>
          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="log-heading" className={cardClass}>
              <h2 id="log-heading" className="mb-3 text-lg font-semibold">
                Moderation log
              </h2>
              <ModerationLogList entries={c.log.entries} hasMore={c.log.nextCursor !== null} loadState={c.logState} onLoadMore={() => void c.loadOlderLog()} withDates />
            </section>
            <Participants participants={c.view.participants} />
          </div>
          <section aria-labelledby="transcript-heading" className={cardClass}>
            <h2 id="transcript-heading" className="mb-3 text-lg font-semibold">
              Transcript
            </h2>
            {c.hasOlderMessages && (
              <Button variant="secondary" className="mb-2 px-2 py-1 text-xs" disabled={c.messagesState === "loading"} onClick={() => void c.loadOlderMessages()}>
                {c.messagesState === "loading" ? "Loading…" : c.messagesState === "failed" ? "Could not load; try again" : "Show older messages"}
              </Button>
            )}
            {c.messages.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">Nobody wrote anything.</p>
            ) : (
              <ol className="flex flex-col gap-1.5 text-sm">
                {c.messages.map((m) => (
                  <li key={m.id} className="flex flex-col sm:flex-row sm:gap-3">
                    <time dateTime={m.createdAt} className="shrink-0 text-xs text-slate-500 tabular-nums sm:w-20 sm:pt-0.5 dark:text-slate-400">
                      {new Date(m.createdAt).toLocaleTimeString()}
                    </time>
                    <p className="min-w-0 break-words whitespace-pre-wrap">
                      <span className="font-medium">{m.senderName}:</span> {m.body}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </main>
  );
}

function Participants({ participants }: { participants: CallHistory["participants"] }) {
  return (
    <section aria-labelledby="people-heading" className={cardClass}>
      <h2 id="people-heading" className="mb-3 text-lg font-semibold">
        People <span className="text-sm font-normal text-slate-500 dark:text-slate-400">({participants.length})</span>
      </h2>
      <ul className="flex flex-col divide-y divide-slate-200 text-sm dark:divide-slate-800">
        {participants.map((p) => (
          <li key={p.id} className="flex flex-col gap-0.5 py-2">
            <span className="flex flex-wrap items-center gap-1.5">
              <span className="font-medium">{p.displayName}</span>
              {p.isHost && <HostBadge />}
              <span className="text-xs text-slate-500 dark:text-slate-400">{p.kind === "user" ? "account" : "guest"}</span>
            </span>
            <span className="text-xs text-slate-600 dark:text-slate-400">{p.roles.map((r) => r.role).join(" → ")}</span>
            <span className="text-xs text-slate-500 dark:text-slate-400">
              joined {new Date(p.joinedAt).toLocaleTimeString()}
              {p.leftAt ? `, left ${new Date(p.leftAt).toLocaleTimeString()}` : ", still here"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function formatDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return "less than a minute";
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${min % 60} min`;
}
