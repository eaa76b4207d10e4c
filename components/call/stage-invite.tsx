"use client";

import { useAction } from "@/lib/client/use-action";
import type { ActionResult } from "@/lib/client/call-connection";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { ActionError } from "../moderation/action-error";
import { Button } from "../ui/button";

/** An admin's "Invite to stage" on an audience member; once asked, it says the answer is awaited. */
export function StageInviteButton({ person, onInvite }: { person: ParticipantDto; onInvite: (participantId: string) => Promise<ActionResult> }) {
  const { busy, error, run } = useAction();
  if (person.stageInvited) return <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">invited…</span>;
  return (
    <span className="flex shrink-0 flex-col items-end">
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        aria-label={`Invite ${person.displayName} to the stage`}
        aria-disabled={busy !== null || undefined}
        onClick={() => void run("invite", () => onInvite(person.id))}
      >
        Invite to stage
      </Button>
      <ActionError message={error} />
    </span>
  );
}

/** The invited person's question, until they answer: nobody is put on stage unasked. */
export function StageInvitePrompt({ onAnswer }: { onAnswer: (accept: boolean) => Promise<ActionResult> }) {
  const { busy, error, run } = useAction();
  return (
    <section
      aria-labelledby="stage-invite-heading"
      className="flex flex-wrap items-center justify-between gap-3 border-b border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-50"
    >
      <h2 id="stage-invite-heading" className="font-semibold">
        Join the stage as a speaker?
      </h2>
      <div className="flex gap-2">
        <Button aria-disabled={busy !== null || undefined} onClick={() => void run("accept", () => onAnswer(true))}>
          Accept
        </Button>
        <Button variant="secondary" aria-disabled={busy !== null || undefined} onClick={() => void run("decline", () => onAnswer(false))}>
          Not now
        </Button>
      </div>
      <ActionError message={error} />
    </section>
  );
}
