"use client";

import type { Act } from "@/lib/client/call-connection";
import { useAction } from "@/lib/client/use-action";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { isRecorded, needsConsentPrompt } from "@/lib/domain/recording";
import { can } from "@/lib/domain/permissions";
import { ActionError } from "../moderation/action-error";
import { Button } from "../ui/button";

/**
 * While a recording runs: the question to a speaker who has not answered
 * ("Include your voice in the recording?"), their answer with a way to change
 * it, and who on stage is and is not being recorded.
 */
export function RecordingPanel({ self, stage, act, disabled }: { self: ParticipantDto; stage: ParticipantDto[]; act: Act; disabled: boolean }) {
  const { busy, error, run } = useAction();
  const answer = (consent: "yes" | "no") => void run(consent, () => act("recording:consent", { consent }));
  const asking = needsConsentPrompt(true, self);
  const onStage = can(self.role, "publishMicrophone");
  const recorded = stage.filter(isRecorded);
  const notRecorded = stage.filter((p) => !isRecorded(p));
  return (
    <section aria-labelledby="recording-heading" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40">
      <h2 id="recording-heading" className="font-semibold text-red-900 dark:text-red-100">
        This call is being recorded
      </h2>
      {asking ? (
        <div role="alertdialog" aria-labelledby="consent-question" className="mt-2 flex flex-col gap-2">
          <p id="consent-question" className="font-medium">
            Include your voice in the recording?
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">Until you say yes, your voice is left out. You can change your answer at any time.</p>
          <div className="flex gap-2">
            <Button disabled={disabled} aria-disabled={busy !== null || undefined} onClick={() => answer("yes")}>
              Yes, include me
            </Button>
            <Button variant="secondary" disabled={disabled} aria-disabled={busy !== null || undefined} onClick={() => answer("no")}>
              No
            </Button>
          </div>
        </div>
      ) : (
        onStage && (
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <span data-testid="consent-state">{self.recordingConsent === "yes" ? "Your voice is being recorded." : "Your voice is not being recorded."}</span>
            <Button
              variant="secondary"
              className="px-2 py-1 text-xs"
              disabled={disabled}
              aria-disabled={busy !== null || undefined}
              onClick={() => answer(self.recordingConsent === "yes" ? "no" : "yes")}
            >
              {self.recordingConsent === "yes" ? "Leave me out from now on" : "Include my voice"}
            </Button>
          </p>
        )
      )}
      <ActionError message={error} className="mt-1" />
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-700 dark:text-slate-300">
        <dt className="font-medium">Recorded</dt>
        <dd data-testid="recorded-list">{recorded.map((p) => p.displayName).join(", ") || "nobody yet"}</dd>
        <dt className="font-medium">Not recorded</dt>
        <dd>{notRecorded.map((p) => p.displayName).join(", ") || "nobody"}</dd>
      </dl>
    </section>
  );
}
