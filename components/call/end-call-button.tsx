"use client";

import type { ActionResult } from "@/lib/client/call-connection";
import { ConfirmButton } from "../ui/confirm-button";

/** Ending is for everyone and cannot be undone, so it asks first. */
export function EndCallButton({ onEnd, className }: { onEnd: () => Promise<ActionResult>; className?: string }) {
  return (
    <ConfirmButton
      label="End call"
      className={className}
      title="End the call for everyone?"
      body="Everyone is disconnected and the chat becomes read-only history. This cannot be undone."
      confirmLabel="End call for everyone"
      busyLabel="Ending…"
      onConfirm={onEnd}
    />
  );
}
