import type { Role } from "../contracts/roles";
import type { HistoryStore } from "../services/ports";
import type { Db, DbKind } from "./client";
import { toCall, toParticipant } from "./store";

export function prismaHistoryStore(db: Db, kind: DbKind): HistoryStore {
  // SQLite's LIKE ignores ASCII case already and rejects `mode`; Postgres needs it.
  const titleMatch = (search: string) => (kind === "postgres" ? { contains: search, mode: "insensitive" as const } : { contains: search });
  return {
    async listUserCalls(userId, q) {
      const rows = await db.participant.findMany({
        where: {
          userId,
          call: {
            ...(q.status === "live" ? { endedAt: null } : q.status === "ended" ? { endedAt: { not: null } } : {}),
            ...(q.search ? { title: titleMatch(q.search) } : {}),
            ...(q.before
              ? { OR: [{ createdAt: { lt: q.before.createdAt } }, { createdAt: q.before.createdAt, id: { lt: q.before.id } }] }
              : {}),
          },
        },
        include: { call: { include: { _count: { select: { participants: { where: { leftAt: null } } } } } } },
        orderBy: [{ call: { createdAt: "desc" } }, { call: { id: "desc" } }],
        take: q.limit,
      });
      const hostIds = [...new Set(rows.map((r) => r.call.hostParticipantId).filter((id): id is string => id !== null))];
      const hosts = new Map(
        (await db.participant.findMany({ where: { id: { in: hostIds } }, select: { id: true, displayName: true } })).map((h) => [h.id, h.displayName]),
      );
      return rows.map((r) => ({
        call: toCall(r.call),
        hostName: (r.call.hostParticipantId && hosts.get(r.call.hostParticipantId)) || "",
        participantCount: r.call.endedAt ? 0 : r.call._count.participants,
        role: r.role as Role,
        joinedAt: r.joinedAt,
      }));
    },

    async listAllParticipants(callId) {
      return (await db.participant.findMany({ where: { callId }, orderBy: { joinedAt: "asc" } })).map(toParticipant);
    },
  };
}
