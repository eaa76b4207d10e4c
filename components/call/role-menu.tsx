"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/client/call-connection";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { ROLES, type Role } from "@/lib/contracts/roles";

/** An admin's control over someone else's role; the server's answer decides, and any refusal is shown. */
export function RoleMenu({
  participant,
  onSetRole,
}: {
  participant: ParticipantDto;
  onSetRole: (participantId: string, role: Role) => Promise<ActionResult>;
}) {
  const [requested, setRequested] = useState<Role | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = `role-error-${participant.id}`;

  async function change(role: Role) {
    setRequested(role);
    setError(null);
    const result = await onSetRole(participant.id, role);
    setRequested(null);
    if (!result.ok) setError(result.message);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <select
        aria-label={`Role for ${participant.displayName}`}
        aria-describedby={error ? errorId : undefined}
        value={requested ?? participant.role}
        disabled={requested !== null}
        onChange={(e) => void change(e.target.value as Role)}
        className="rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-xs dark:border-slate-700 dark:bg-slate-950"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} role="alert" className="max-w-52 text-right text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
