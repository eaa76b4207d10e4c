"use client";

import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/client/call-connection";
import { Button, type ButtonVariant } from "./button";
import { DialogError, ModalDialog } from "./modal-dialog";

export interface ConfirmButtonProps {
  /** The button's text, and its accessible name unless `ariaLabel` says more ("Ban pleb-fox"). */
  label: string;
  ariaLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  disabled?: boolean;
  /** Something else of the same group is running: the button keeps focus but does nothing. */
  busy?: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  busyLabel: string;
  onConfirm: () => Promise<ActionResult>;
}

/** A button for what cannot be undone: it asks first (a modal dialog: Escape cancels, focus stays inside) and shows the server's refusal. */
export function ConfirmButton({
  label,
  ariaLabel,
  variant = "danger",
  className,
  disabled,
  busy: othersBusy,
  title,
  body,
  confirmLabel,
  busyLabel,
  onConfirm,
}: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await onConfirm();
    setBusy(false);
    if (result.ok) dialog.current?.close();
    else setError(result.message);
  }

  return (
    <>
      <Button
        variant={variant}
        className={className}
        disabled={disabled}
        aria-disabled={othersBusy || undefined}
        aria-label={ariaLabel}
        onClick={() => (setError(null), dialog.current?.showModal())}
      >
        {label}
      </Button>
      <ModalDialog ref={dialog} title={title}>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{body}</p>
        <DialogError message={error} />
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} aria-disabled={busy || undefined}>
            {busy ? busyLabel : confirmLabel}
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}
