import type { ActionResult } from "@/lib/client/call-connection";
import type { ParticipantDto } from "@/lib/contracts/dto";
import type { Role } from "@/lib/contracts/roles";
import { HostBadge, RoleBadge } from "../ui/role-badge";
import { HandIcon, MicOffIcon } from "../ui/icons";
import { isOnStage } from "@/lib/domain/stage";
import { Avatar } from "./avatar";
import { RoleMenu } from "./role-menu";
import { StageInviteButton } from "./stage-invite";

export interface ParticipantControls {
  self: ParticipantDto | null;
  /** Role menus are shown only to admins, and only while the call is live and connected. */
  canModerate: boolean;
  onSetRole: (participantId: string, role: Role) => Promise<ActionResult>;
  /** Admins: ask someone in the audience onto the stage (they answer Accept / Not now). */
  onInviteToStage?: (participantId: string) => Promise<ActionResult>;
}

export function ParticipantItems({ people, controls, speaking }: { people: ParticipantDto[]; controls: ParticipantControls; speaking: ReadonlySet<string> }) {
  return (
    <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
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
    <li className="flex min-w-0 items-center gap-2 rounded-lg px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800/60">
      <Avatar person={p} size="sm" speaking={speaking} />
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
      {showMenu && !onStage && controls.onInviteToStage && <StageInviteButton person={p} onInvite={controls.onInviteToStage} />}
      {showMenu && <RoleMenu participant={p} onSetRole={controls.onSetRole} />}
    </li>
  );
}
