import type { CallHistory } from "@/lib/contracts/history";
import { LocalTime } from "../ui/local-time";
import { HostBadge, RoleBadge } from "../ui/role-badge";

type Participant = CallHistory["participants"][number];

/** Everyone who was in the call, in join order, with each role they held and from when. */
export function ParticipantRoles({ participants }: { participants: Participant[] }) {
  return (
    <section aria-labelledby="people-heading" className="flex flex-col gap-2">
      <h2 id="people-heading" className="text-lg font-semibold">
        People <span className="font-normal text-slate-500 dark:text-slate-400">({participants.length})</span>
      </h2>
      <ul aria-label="People in this call" className="flex flex-col gap-2">
        {participants.map((p) => (
          <ParticipantItem key={p.id} participant={p} />
        ))}
      </ul>
    </section>
  );
}

const clock = "tabular-nums";

function ParticipantItem({ participant: p }: { participant: Participant }) {
  return (
    <li className="flex flex-col gap-1.5 rounded-xl border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="font-medium break-all">{p.displayName}</span>
        {p.isHost && <HostBadge />}
        <span className="text-xs text-slate-500 dark:text-slate-400">{p.kind === "guest" ? "guest" : "account"}</span>
        {p.guestName && <span className="text-xs text-slate-500 dark:text-slate-400">(joined as {p.guestName})</span>}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Joined <LocalTime iso={p.joinedAt} format="clock" className={clock} />
        {p.leftAt && (
          <>
            , left <LocalTime iso={p.leftAt} format="clock" className={clock} />
          </>
        )}
      </p>
      <ol aria-label={`Roles of ${p.displayName}`} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        {p.roles.map((r, i) => (
          <li key={`${r.from}-${i}`} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden>→</span>}
            <RoleBadge role={r.role} />
            <span>
              from <LocalTime iso={r.from} format="clock" className={clock} />
            </span>
          </li>
        ))}
      </ol>
    </li>
  );
}
