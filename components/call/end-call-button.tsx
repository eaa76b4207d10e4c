"use client";

import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/client/call-connection";
import { Button } from "../ui/button";

/** Ending is for everyone and cannot be undone, so it asks first (a modal dialog: Escape cancels, focus stays inside). */
export function EndCallButton({ onEnd }: { onEnd: () => Promise<ActionResult> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await onEnd();
    setBusy(false);
    if (result.ok) dialog.current?.close();
    else setError(result.message);
  }

  return (
    <>
      <Button variant="danger" onClick={() => dialog.current?.showModal()}>
        End call
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="end-call-heading"
        className="m-auto max-w-sm rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id="end-call-heading" className="text-lg font-semibold">
          End the call for everyone?
        </h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Everyone is disconnected and the chat becomes read-only history. This cannot be undone.</p>
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} disabled={busy}>
            {busy ? "Ending…" : "End call for everyone"}
          </Button>
        </div>
      </dialog>
    </>
  );
}
