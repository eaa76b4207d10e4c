import type { ParticipantDto } from "@/lib/contracts/dto";
import { MicIcon, MicOffIcon } from "../ui/icons";
import { HostBadge, RoleBadge } from "../ui/role-badge";
import { Avatar } from "./avatar";
import type { ParticipantControls } from "./participant-list";
import { RoleMenu } from "./role-menu";

/**
 * The centre of the call page: admins and speakers as a grid of avatars, each with a speaking
 * ring (from the media server's active-speaker events), their microphone state and role.
 */
export interface SpeakerVolumes {
  volumeOf(participantId: string): number;
  setVolume(participantId: string, volume: number): void;
}

export function StageGrid({
  people,
  controls,
  speaking,
  volumes,
}: {
  people: ParticipantDto[];
  controls: ParticipantControls;
  speaking: ReadonlySet<string>;
  volumes: SpeakerVolumes;
}) {
  return (
    <section aria-labelledby="stage-heading" className="flex flex-col gap-3">
      <h2 id="stage-heading" className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        On stage <span className="font-normal text-slate-500 dark:text-slate-400">({people.length})</span>
      </h2>
      {people.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Nobody is on stage.</p>
      ) : (
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(7.5rem,1fr))] gap-x-3 gap-y-5">
          {people.map((p) => (
            <StageTile key={p.id} person={p} controls={controls} speaking={speaking.has(p.id)} volumes={volumes} />
          ))}
        </ul>
      )}
    </section>
  );
}

function StageTile({
  person: p,
  controls,
  speaking,
  volumes,
}: {
  person: ParticipantDto;
  controls: ParticipantControls;
  speaking: boolean;
  volumes: SpeakerVolumes;
}) {
  const isSelf = controls.self?.id === p.id;
  // The host's role is theirs alone to change (HOST_PROTECTED), so nobody else gets a menu for it.
  const showMenu = controls.canModerate && !isSelf && !p.isHost;
  const away = p.presence === "away";
  return (
    <li className={`flex min-w-0 flex-col items-center gap-1.5 text-center ${away ? "opacity-60" : ""}`}>
      <div className="relative">
        <Avatar person={p} size="lg" speaking={speaking} />
        <MicBadge muted={p.muted} />
      </div>
      <span className="flex max-w-full items-center gap-1 text-sm">
        <span className="truncate font-medium">{p.displayName}</span>
        {isSelf && <span className="shrink-0 text-slate-500 dark:text-slate-400">(you)</span>}
      </span>
      <span className="flex flex-wrap items-center justify-center gap-1">
        {p.isHost && <HostBadge />}
        <RoleBadge role={p.role} />
      </span>
      <span className="h-4 text-xs font-medium" aria-live="off">
        {speaking ? (
          <span className="text-emerald-700 dark:text-emerald-400">speaking</span>
        ) : away ? (
          <span className="text-slate-500 dark:text-slate-400">away</span>
        ) : null}
      </span>
      {!isSelf && (
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={volumes.volumeOf(p.id)}
          onChange={(e) => volumes.setVolume(p.id, Number(e.target.value))}
          aria-label={`Volume for ${p.displayName}`}
          className="w-24 accent-indigo-600"
        />
      )}
      {showMenu && <RoleMenu participant={p} onSetRole={controls.onSetRole} />}
    </li>
  );
}

/** Red with a struck microphone when muted (the convention), a quiet green microphone when live. */
function MicBadge({ muted }: { muted: boolean }) {
  return (
    <span
      className={`absolute -right-1 -bottom-1 flex size-7 items-center justify-center rounded-full border-2 border-white dark:border-slate-950 ${
        muted ? "bg-red-600 text-white" : "bg-emerald-600 text-white"
      }`}
    >
      {muted ? <MicOffIcon title="muted" className="size-4" /> : <MicIcon title="microphone on" className="size-4" />}
    </span>
  );
}
