"use client";

import { useId, useRef, useState } from "react";
import { DialogError, ModalDialog } from "../ui/modal-dialog";
import type { ActionResult } from "@/lib/client/call-connection";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { Button } from "../ui/button";
import { inputClass } from "../ui/styles";

export interface LeaveButtonProps {
  /** The person is the only admin present: leaving would leave nobody to moderate. */
  lastAdmin: boolean;
  /** Others present who could take over (the stage and the audience loaded so far). */
  candidates: ParticipantDto[];
  leaving: boolean;
  onLeave: () => void;
  onHandOver: (participantId: string) => Promise<ActionResult>;
  onEnd: () => Promise<ActionResult>;
}

/**
 * Leave. The last admin is warned first (a modal dialog) and offered the ways out that keep the
 * call moderated: hand admin to someone, or end the call for everyone; or leave anyway.
 */
export function LeaveButton({ lastAdmin, candidates, leaving, onLeave, onHandOver, onEnd }: LeaveButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const selectId = useId();
  const [heir, setHeir] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = heir || candidates[0]?.id || "";

  async function then(action: () => Promise<ActionResult>, leaveAfter: boolean) {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) return setError(result.message);
    dialog.current?.close();
    if (leaveAfter) onLeave();
  }

  return (
    <>
      <Button variant="secondary" onClick={() => (lastAdmin ? (setError(null), dialog.current?.showModal()) : onLeave())} disabled={leaving}>
        {leaving ? "Leaving…" : "Leave"}
      </Button>
      <ModalDialog ref={dialog} title="You are the last admin" width="md">
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          If you leave, nobody can moderate this call: nobody can accept raised hands, mute or remove people, or end it.
        </p>
        {candidates.length > 0 && (
          <div className="mt-4 flex flex-col gap-1.5">
            <label htmlFor={selectId} className="text-sm font-medium">
              Hand admin to
            </label>
            <div className="flex flex-wrap gap-2">
              <select id={selectId} value={chosen} onChange={(e) => setHeir(e.target.value)} className={`${inputClass} w-auto min-w-0 flex-1`}>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName} ({p.role})
                  </option>
                ))}
              </select>
              <Button aria-disabled={busy || undefined} onClick={() => void then(() => onHandOver(chosen), true)}>
                Make admin and leave
              </Button>
            </div>
          </div>
        )}
        <DialogError message={error} />
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Stay
          </Button>
          <Button variant="secondary" aria-disabled={busy || undefined} onClick={() => (dialog.current?.close(), onLeave())}>
            Leave anyway
          </Button>
          <Button variant="danger" aria-disabled={busy || undefined} onClick={() => void then(onEnd, false)}>
            End call for everyone
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}
