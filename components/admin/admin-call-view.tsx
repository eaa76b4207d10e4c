"use client";

import Link from "next/link";
import { useAdminCall } from "@/lib/client/use-admin-call";
import { formatDuration } from "../history/format";
import { ParticipantRoles } from "../history/participant-roles";
import { Transcript } from "../history/transcript";
import { ModerationLogList } from "../moderation/moderation-log-list";
import { Button } from "../ui/button";
import { cardClass } from "../ui/styles";
import { AdminCallSummary } from "./admin-call-summary";

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
            <AdminCallSummary call={c.view.call} />
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              {c.view.endedAt ? "Lasted" : "Running for"} {formatDuration(c.view.durationMs)}.
            </p>
          </section>
          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="log-heading" className={cardClass}>
              <h2 id="log-heading" className="mb-3 text-lg font-semibold">
                Moderation log
              </h2>
              <ModerationLogList
                entries={c.log.entries}
                hasMore={c.log.nextCursor !== null}
                loadState={c.logState}
                onLoadMore={() => void c.loadOlderLog()}
                withDates
              />
            </section>
            <div className={cardClass}>
              <ParticipantRoles participants={c.view.participants} />
            </div>
          </div>
          <div className={cardClass}>
            <Transcript
              messages={c.messages}
              olderHref={null}
              newestHref={null}
              exportBase={`/api/calls/${callId}/transcript`}
              older={
                c.hasOlderMessages && (
                  <Button
                    variant="secondary"
                    className="self-start px-2 py-1 text-xs"
                    aria-disabled={c.messagesState === "loading" || undefined}
                    onClick={() => void c.loadOlderMessages()}
                  >
                    {c.messagesState === "loading" ? "Loading…" : c.messagesState === "failed" ? "Could not load; try again" : "Show older messages"}
                  </Button>
                )
              }
            />
          </div>
        </>
      )}
    </main>
  );
}
