"use client";

import { useId, useState } from "react";
import type { Act, ActionResult } from "@/lib/client/call-connection";
import { useAction } from "@/lib/client/use-action";
import type { CallDto } from "@/lib/contracts/dto";
import { DefaultRoleSchema, type DefaultRole } from "@/lib/contracts/roles";
import { EndCallButton } from "../call/end-call-button";
import { Button } from "../ui/button";
import { ActionError } from "./action-error";

/** The whole call's switches: lock, the role newcomers get, mute everyone but me, end for everyone. */
export function CallControls({ call, act, onEnd, disabled }: { call: CallDto; act: Act; onEnd: () => Promise<ActionResult>; disabled: boolean }) {
  const { busy, error, run } = useAction();
  const roleId = useId();
  // Busy buttons keep keyboard focus (aria-disabled); `disabled` only while offline.
  const busyNow = busy !== null || undefined;
  // The newcomers' role is applied with "Set", so arrowing through the options sends nothing.
  const [role, setRole] = useState<DefaultRole | null>(null);
  const chosen = role ?? call.defaultRole;
  const setDefaultRole = () =>
    void run("role", async () => {
      const result = await act("call:default-role", { role: chosen });
      if (result.ok) setRole(null);
      return result;
    });
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant={call.locked ? "primary" : "secondary"}
          disabled={disabled}
          aria-disabled={busyNow}
          onClick={() => void run("lock", () => act("call:lock", { locked: !call.locked }))}
        >
          {call.locked ? "Unlock call" : "Lock call"}
        </Button>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {call.locked ? "Locked: nobody new can join; people already in can come back." : "Open: anyone with the link can join."}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={roleId} className="text-sm">
          Role for newcomers
        </label>
        <select
          id={roleId}
          value={chosen}
          disabled={disabled}
          onChange={(e) => setRole(e.target.value as DefaultRole)}
          className="rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-sm dark:border-slate-700 dark:bg-slate-950"
        >
          {DefaultRoleSchema.options.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={disabled}
          aria-disabled={busyNow || chosen === call.defaultRole || undefined}
          onClick={setDefaultRole}
        >
          {busy === "role" ? "Setting…" : "Set"}
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant={call.recording ? "danger" : "secondary"}
          disabled={disabled}
          aria-disabled={busyNow}
          onClick={() => void run("recording", () => act("recording:set", { on: !call.recording }))}
        >
          {busy === "recording" ? (call.recording ? "Stopping…" : "Starting…") : call.recording ? "Stop recording" : "Start recording"}
        </Button>
        <p className="text-xs text-slate-600 dark:text-slate-400">Only speakers who say yes are recorded.</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={disabled} aria-disabled={busyNow} onClick={() => void run("mute-all", () => act("participants:mute-all", {}))}>
          {busy === "mute-all" ? "Muting…" : "Mute all speakers but me"}
        </Button>
        {!disabled && <EndCallButton onEnd={onEnd} />}
      </div>
      <ActionError message={error} />
    </div>
  );
}
