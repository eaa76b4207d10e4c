"use client";

import type { Act } from "@/lib/client/call-connection";
import { useAction } from "@/lib/client/use-action";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { can } from "@/lib/domain/permissions";
import { Button } from "../ui/button";
import { HandIcon } from "../ui/icons";
import { ActionError } from "./action-error";

/**
 * Listeners and chatters ask to speak; speakers and admins already can, so they get no button.
 * `compact`: the phone's control bar, just the button (its label still says the state).
 */
export function HandButton({
  self,
  act,
  disabled,
  compact = false,
  className = "",
}: {
  self: ParticipantDto;
  act: Act;
  disabled: boolean;
  compact?: boolean;
  className?: string;
}) {
  const { busy, error, run } = useAction();
  if (can(self.role, "publishMicrophone")) return null;
  const raised = self.handRaised;
  return (
    <div className={`flex flex-col items-start gap-1 ${className}`}>
      <Button
        variant={raised ? "secondary" : "primary"}
        aria-pressed={raised}
        disabled={disabled}
        aria-disabled={busy !== null || undefined}
        onClick={() => void run("hand", () => act("hand:set", { raised: !raised }))}
      >
        <HandIcon />
        {raised ? "Lower hand" : "Raise hand"}
      </Button>
      {raised && !compact && <p className="text-xs text-slate-600 dark:text-slate-400">Your hand is up: the admins see you in their queue.</p>}
      {!compact && <ActionError message={error} />}
    </div>
  );
}
