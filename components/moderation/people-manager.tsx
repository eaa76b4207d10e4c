"use client";

import { useId, useState } from "react";
import type { Act } from "@/lib/client/call-connection";
import { personControls } from "@/lib/client/moderation";
import { useAction } from "@/lib/client/use-action";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { ROLES, type Role } from "@/lib/contracts/roles";
import { RoleMenu } from "../call/role-menu";
import { Button } from "../ui/button";
import { ConfirmButton } from "../ui/confirm-button";
import { HandIcon, MicOffIcon } from "../ui/icons";
import { HostBadge } from "../ui/role-badge";
import { inputClass } from "../ui/styles";
import { ActionError } from "./action-error";

const GROUPS: Record<Role, string> = { admin: "Admins", speaker: "Speakers", chatter: "Chatters", listener: "Listeners" };
const small = "px-2 py-1 text-xs";

/** Everyone present, grouped by role (admins first), with a search and each person's controls. */
export function PeopleManager({ self, people, act, disabled }: { self: ParticipantDto; people: ParticipantDto[]; act: Act; disabled: boolean }) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const q = query.trim().toLowerCase();
  const shown = q ? people.filter((p) => p.displayName.toLowerCase().includes(q)) : people;
  const hostId = people.find((p) => p.isHost)?.id ?? null;
  const admins = people.filter((p) => p.role === "admin").length;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <label htmlFor={searchId} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
          Find a person
        </label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name" className={inputClass} />
      </div>
      {shown.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">Nobody here matches “{query}”.</p>}
      {[...ROLES].reverse().map((role) => {
        const group = shown.filter((p) => p.role === role);
        if (group.length === 0) return null;
        return (
          <section key={role} aria-label={`${GROUPS[role]} (${group.length})`}>
            <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
              {GROUPS[role]} ({group.length})
            </h4>
            <ul className="flex flex-col gap-1">
              {group.map((p) => (
                <PersonRow key={p.id} self={self} person={p} hostId={hostId} admins={admins} act={act} disabled={disabled} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function PersonRow({
  self,
  person: p,
  hostId,
  admins,
  act,
  disabled,
}: {
  self: ParticipantDto;
  person: ParticipantDto;
  hostId: string | null;
  admins: number;
  act: Act;
  disabled: boolean;
}) {
  const { busy, error, run } = useAction();
  const isSelf = p.id === self.id;
  const c = personControls(self, p, hostId, admins);
  // Why a control is missing, in the server's words; that you cannot remove yourself needs no explanation.
  const reasons = new Set<string>();
  if (!c.role.ok) reasons.add(c.role.reason);
  if (!isSelf && !c.remove.ok) reasons.add(c.remove.reason);
  const remove = (ban: boolean) => () => run(ban ? "ban" : "remove", () => act("participant:remove", { participantId: p.id, ban }));
  return (
    <li className="flex flex-col gap-1.5 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-1.5 text-sm">
        <span className="truncate font-medium">{p.displayName}</span>
        {isSelf && <span className="text-slate-500 dark:text-slate-400">(you)</span>}
        {p.isHost && <HostBadge />}
        {p.handRaised && <HandIcon title="hand raised" className="text-amber-600 dark:text-amber-400" />}
        {c.mute && p.muted && <MicOffIcon title="muted" className="text-slate-500 dark:text-slate-400" />}
        {p.presence === "away" && <span className="text-xs text-slate-500 dark:text-slate-400">away</span>}
      </div>
      <div className="flex flex-wrap items-start gap-1.5">
        {c.role.ok && !disabled && <RoleMenu participant={p} onSetRole={(participantId, role) => act("role:set", { participantId, role })} />}
        {!isSelf && c.mute?.ok && (
          <Button
            variant="secondary"
            className={small}
            disabled={disabled}
            aria-disabled={busy !== null || p.muted || undefined}
            aria-label={`Mute ${p.displayName}`}
            onClick={() => void run("mute", () => act("participant:mute", { participantId: p.id }))}
          >
            {p.muted ? "Muted" : "Mute"}
          </Button>
        )}
        {!isSelf && c.remove.ok && (
          <ConfirmButton
            label="Remove"
            ariaLabel={`Remove ${p.displayName}`}
            variant="secondary"
            className={small}
            disabled={disabled}
            busy={busy !== null}
            title={`Remove ${p.displayName}?`}
            body="They are taken out of the chat and the audio now. They can come back with the call's link; to keep them out, ban them instead."
            confirmLabel="Remove"
            busyLabel="Removing…"
            onConfirm={remove(false)}
          />
        )}
        {!isSelf && c.ban.ok && (
          <ConfirmButton
            label="Ban"
            ariaLabel={`Ban ${p.displayName}`}
            className={small}
            disabled={disabled}
            busy={busy !== null}
            title={`Ban ${p.displayName} from this call?`}
            body={`They are taken out now and cannot come back: ${p.kind === "user" ? "their account is refused" : "their browser is refused"} for the rest of the call.`}
            confirmLabel="Ban"
            busyLabel="Banning…"
            onConfirm={remove(true)}
          />
        )}
      </div>
      {[...reasons].map((r) => (
        <p key={r} className="text-xs text-slate-500 dark:text-slate-400">
          {r}
        </p>
      ))}
      <ActionError message={error} />
    </li>
  );
}
