import type { ActionResult } from "@/lib/client/call-connection";
import type { ParticipantDto } from "@/lib/contracts/dto";
import type { Role } from "@/lib/contracts/roles";
import { HostBadge, RoleBadge } from "../ui/role-badge";
import { HandIcon, MicOffIcon } from "../ui/icons";
import { isOnStage } from "@/lib/domain/stage";
import { RoleMenu } from "./role-menu";

export interface ParticipantControls {
  self: ParticipantDto | null;
  /** Role menus are shown only to admins, and only while the call is live and connected. */
  canModerate: boolean;
  onSetRole: (participantId: string, role: Role) => Promise<ActionResult>;
}

export function ParticipantList({
  id,
  title,
  people,
  empty,
  controls,
  speaking,
}: {
  id: string;
  title: string;
  people: ParticipantDto[];
  empty: string;
  controls: ParticipantControls;
  /** Participant ids the audio room reports as talking right now. */
  speaking: ReadonlySet<string>;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
        {title} <span className="font-normal text-slate-500 dark:text-slate-400">({people.length})</span>
      </h2>
      {people.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p> : <ParticipantItems people={people} controls={controls} speaking={speaking} />}
    </section>
  );
}

export function ParticipantItems({ people, controls, speaking }: { people: ParticipantDto[]; controls: ParticipantControls; speaking: ReadonlySet<string> }) {
  return (
    <ul className="flex flex-col gap-1">
      {people.map((p) => (
        <ParticipantItem key={p.id} participant={p} controls={controls} speaking={speaking.has(p.id)} />
      ))}
    </ul>
  );
}

function ParticipantItem({ participant: p, controls, speaking }: { participant: ParticipantDto; controls: ParticipantControls; speaking: boolean }) {
  const isSelf = controls.self?.id === p.id;
  const away = p.presence === "away";
  // The host's role is theirs alone to change (HOST_PROTECTED), so nobody else gets a menu for it.
  const showMenu = controls.canModerate && !isSelf && !p.isHost;
  const onStage = isOnStage(p.role);
  return (
    <li className="flex items-center gap-3 rounded-lg px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800/60">
      <span
        aria-hidden
        className={`flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold uppercase ${
          away ? "bg-slate-200 text-slate-400 dark:bg-slate-800 dark:text-slate-500" : "bg-indigo-100 text-indigo-700 dark:bg-indigo-900/70 dark:text-indigo-200"
        } ${speaking ? "ring-2 ring-emerald-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-950" : ""}`}
      >
        {p.displayName.replace(/^pleb-/, "").charAt(0)}
      </span>
      <div className={`flex min-w-0 flex-1 flex-col ${away ? "opacity-60" : ""}`}>
        <span className="flex items-center gap-1.5 text-sm">
          <span className="truncate font-medium">{p.displayName}</span>
          {isSelf && <span className="text-slate-500 dark:text-slate-400">(you)</span>}
          {p.handRaised && <HandIcon title="hand raised" className="shrink-0 text-amber-600 dark:text-amber-400" />}
          {onStage && p.muted && <MicOffIcon title="muted" className="shrink-0 text-slate-500 dark:text-slate-400" />}
          {speaking && <span className="text-xs font-medium text-emerald-700 dark:text-emerald-400">speaking</span>}
        </span>
        <span className="flex flex-wrap items-center gap-1">
          {p.isHost && <HostBadge />}
          <RoleBadge role={p.role} />
          {away && <span className="text-xs text-slate-500 dark:text-slate-400">away</span>}
        </span>
      </div>
      {showMenu && <RoleMenu participant={p} onSetRole={controls.onSetRole} />}
    </li>
  );
}
