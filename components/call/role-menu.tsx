"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/client/call-connection";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { ROLES, type Role } from "@/lib/contracts/roles";
import { buttonClass } from "../ui/button";

/**
 * An admin's control over someone else's role; the server's answer decides, and any refusal is shown.
 * The choice is applied with "Set": arrowing through a closed select must not send a role change per key.
 */
export function RoleMenu({ participant, onSetRole }: { participant: ParticipantDto; onSetRole: (participantId: string, role: Role) => Promise<ActionResult> }) {
  const [choice, setChoice] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = `role-error-${participant.id}`;
  const selected = choice ?? participant.role;
  const changed = selected !== participant.role;

  async function apply() {
    if (busy || !changed) return;
    setBusy(true);
    setError(null);
    const result = await onSetRole(participant.id, selected);
    setBusy(false);
    setChoice(null);
    if (!result.ok) setError(result.message);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-1">
        <select
          aria-label={`Role for ${participant.displayName}`}
          aria-describedby={error ? errorId : undefined}
          value={selected}
          onChange={(e) => setChoice(e.target.value as Role)}
          className="rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-xs dark:border-slate-700 dark:bg-slate-950"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {changed && (
          <button
            type="button"
            aria-label={`Set role for ${participant.displayName}`}
            aria-disabled={busy}
            onClick={() => void apply()}
            className={buttonClass("primary", "px-2 py-1 text-xs")}
          >
            {busy ? "Setting…" : "Set"}
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} role="alert" className="max-w-52 text-right text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
