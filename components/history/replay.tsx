"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { api, attempt } from "@/lib/client/api";
import { describeEntry } from "@/lib/client/moderation";
import type { Replay, TimelineItem } from "@/lib/contracts/recording";
import { ConfirmButton } from "../ui/confirm-button";
import { LocalTime } from "../ui/local-time";
import { formatDuration } from "./format";

/** "1:05" from milliseconds: where in the recording something happened. */
export function formatOffset(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function describe(item: TimelineItem): string {
  if (item.kind === "message") return `${item.name}: ${item.body}`;
  if (item.kind === "speech") return `${item.name} spoke for ${formatDuration(item.endMs - item.atMs)}`;
  if (item.kind === "hand")
    return item.raised ? `${item.name} raised their hand` : item.by ? `${item.by} lowered ${item.name}'s hand` : `${item.name} lowered their hand`;
  return `${item.entry.actorName} ${describeEntry(item.entry)}`;
}

/** Who spoke when: one lane per speaker, each segment a button that seeks to it. */
function SpeakerLanes({ items, durationMs, seek }: { items: Extract<TimelineItem, { kind: "speech" }>[]; durationMs: number; seek: (ms: number) => void }) {
  const lanes = new Map<string, typeof items>();
  for (const s of items) lanes.set(s.name, [...(lanes.get(s.name) ?? []), s]);
  if (lanes.size === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">Nobody was recorded speaking.</p>;
  return (
    <div className="flex flex-col gap-1" aria-label="Who spoke when">
      {[...lanes].map(([name, segments]) => (
        <div key={name} className="grid grid-cols-[7rem_1fr] items-center gap-2 text-xs">
          <span className="truncate">{name}</span>
          <div className="relative h-3 rounded bg-slate-100 dark:bg-slate-800">
            {segments.map((s) => (
              <button
                key={s.atMs}
                type="button"
                title={`${name} at ${formatOffset(s.atMs)}`}
                aria-label={`${name} at ${formatOffset(s.atMs)}`}
                onClick={() => seek(s.atMs)}
                className="absolute top-0 h-3 rounded bg-indigo-500"
                style={{ left: `${(s.atMs / durationMs) * 100}%`, width: `${Math.max(0.5, ((s.endMs - s.atMs) / durationMs) * 100)}%` }}
              />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** One recording: the player (seeking through range requests), its timeline, and download/delete for its admins. */
export function ReplayPlayer({ replay, canManage }: { replay: Replay; canManage: boolean }) {
  const audio = useRef<HTMLAudioElement>(null);
  const router = useRouter();
  const { recording, timeline } = replay;
  const seek = (ms: number) => {
    const el = audio.current;
    if (!el) return;
    el.currentTime = ms / 1000;
    void el.play().catch(() => undefined); // autoplay refusals leave it paused at the right place
  };
  const durationMs = recording.durationMs ?? 1;
  return (
    <article
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      aria-label={`Recording from ${recording.startedAt}`}
    >
      <header className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p>
          Recorded <LocalTime iso={recording.startedAt} />
          {recording.durationMs !== null && <> · {formatDuration(recording.durationMs)}</>}
          {recording.status === "interrupted" && (
            <span className="ml-2 text-amber-700 dark:text-amber-400">(interrupted: the server stopped while recording)</span>
          )}
        </p>
        {canManage && recording.audioUrl && (
          <div className="flex gap-2">
            <a href={`${recording.audioUrl}?download=1`} className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
              Download
            </a>
            <ConfirmButton
              label="Delete"
              ariaLabel="Delete this recording"
              className="px-2 py-1 text-xs"
              title="Delete this recording?"
              body="The audio file is removed for everyone now. The history keeps a line saying it was deleted."
              confirmLabel="Delete recording"
              busyLabel="Deleting…"
              onConfirm={async () => {
                const result = await attempt(api.deleteRecording(recording.callId, recording.id), "Could not delete the recording.");
                if (result.ok) router.refresh();
                return result;
              }}
            />
          </div>
        )}
      </header>
      {recording.status === "deleted" ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This recording was deleted <LocalTime iso={recording.deletedAt!} />.
        </p>
      ) : (
        <>
          <audio ref={audio} controls preload="metadata" src={recording.audioUrl!} className="w-full" data-testid="replay-audio" />
          <SpeakerLanes items={timeline.filter((i) => i.kind === "speech")} durationMs={durationMs} seek={seek} />
          <ol aria-label="Timeline" className="flex max-h-96 flex-col gap-1 overflow-y-auto text-sm">
            {timeline
              .filter((i) => i.kind !== "speech")
              .map((item) => (
                <li key={item.kind === "message" ? `m${item.messageId}` : item.kind === "event" ? `e${item.entry.id}` : `h${item.participantId}-${item.atMs}`}>
                  <button
                    type="button"
                    onClick={() => seek(item.atMs)}
                    data-at-ms={item.atMs}
                    className="flex w-full gap-2 rounded px-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                  >
                    <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{formatOffset(item.atMs)}</span>
                    <span className={item.kind === "event" ? "italic text-slate-600 dark:text-slate-400" : ""}>{describe(item)}</span>
                  </button>
                </li>
              ))}
          </ol>
        </>
      )}
    </article>
  );
}

/** The call's recordings on its history page. */
export function Replays({ replays, canManage }: { replays: Replay[]; canManage: boolean }) {
  if (replays.length === 0) return null;
  return (
    <section aria-labelledby="replays-heading" className="flex flex-col gap-3">
      <h2 id="replays-heading" className="text-lg font-semibold">
        Replay
      </h2>
      {replays.map((r) => (
        <ReplayPlayer key={r.recording.id} replay={r} canManage={canManage} />
      ))}
    </section>
  );
}
