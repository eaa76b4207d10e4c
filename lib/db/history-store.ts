import type { Role } from "../contracts/roles";
import type { HistoryStore } from "../services/ports";
import type { Db, DbKind } from "./client";
import { textMatch, toCall, toParticipant } from "./store";

export function prismaHistoryStore(db: Db, kind: DbKind): HistoryStore {
  const titleMatch = (search: string) => textMatch(kind, search);
  const hostNames = async (ids: (string | null)[]) => {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const rows = await db.participant.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
    return new Map(rows.map((h) => [h.id, h.displayName]));
  };

  return {
    async listUserCalls(userId, q) {
      const rows = await db.participant.findMany({
        where: {
          userId,
          call: {
            ...(q.status === "live" ? { endedAt: null } : q.status === "ended" ? { endedAt: { not: null } } : {}),
            ...(q.search ? { title: titleMatch(q.search) } : {}),
            ...(q.before ? { OR: [{ createdAt: { lt: q.before.createdAt } }, { createdAt: q.before.createdAt, id: { lt: q.before.id } }] } : {}),
          },
        },
        include: { call: { include: { _count: { select: { participants: { where: { leftAt: null } } } } } } },
        orderBy: [{ call: { createdAt: "desc" } }, { call: { id: "desc" } }],
        take: q.limit,
      });
      const [hosts, everyone] = await Promise.all([
        hostNames(rows.map((r) => r.call.hostParticipantId)),
        db.participant.groupBy({ by: ["callId"], where: { callId: { in: rows.map((r) => r.callId) } }, _count: { _all: true } }),
      ]);
      const everyoneIn = new Map(everyone.map((g) => [g.callId, g._count._all]));
      return rows.map((r) => ({
        call: toCall(r.call),
        hostName: (r.call.hostParticipantId && hosts.get(r.call.hostParticipantId)) || "",
        participantCount: r.call.endedAt ? 0 : r.call._count.participants,
        everyoneCount: everyoneIn.get(r.callId) ?? 0,
        role: r.role as Role,
        joinedAt: r.joinedAt,
      }));
    },

    async listCalls(q) {
      const rows = await db.call.findMany({
        where: {
          ...(q.status === "live" ? { endedAt: null } : q.status === "ended" ? { endedAt: { not: null } } : {}),
          ...(q.search ? { OR: [{ title: titleMatch(q.search) }, { id: { contains: q.search.toLowerCase() } }] } : {}),
          ...(q.before ? { OR: [{ createdAt: { lt: q.before.createdAt } }, { createdAt: q.before.createdAt, id: { lt: q.before.id } }] } : {}),
        },
        include: { _count: { select: { participants: { where: { leftAt: null } } } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: q.limit,
      });
      const hosts = await hostNames(rows.map((r) => r.hostParticipantId));
      return rows.map((r) => ({
        call: toCall(r),
        hostName: hosts.get(r.hostParticipantId ?? "") ?? "",
        participantCount: r.endedAt ? 0 : r._count.participants,
      }));
    },

    async listLiveParticipantsOfUser(userId) {
      return (await db.participant.findMany({ where: { userId, leftAt: null, call: { endedAt: null } } })).map(toParticipant);
    },

    async logHand(e) {
      await db.handEvent.create({ data: e });
    },

    listHandEvents(callId, from, to) {
      return db.handEvent.findMany({
        where: { callId, createdAt: { gte: from, lte: to } },
        orderBy: { id: "asc" },
        select: { callId: true, participantId: true, raised: true, byName: true, createdAt: true },
      });
    },

    async claimSeat(participantId, owner) {
      return db.$transaction(async (tx) => {
        const p = await tx.participant.update({
          where: { id: participantId },
          data: { userId: owner.userId, kind: "user", displayName: owner.displayName, guestName: owner.guestName },
        });
        await tx.message.updateMany({ where: { senderId: participantId }, data: { senderName: owner.displayName } });
        return toParticipant(p);
      });
    },

    async listAllParticipants(callId) {
      return (await db.participant.findMany({ where: { callId }, orderBy: { joinedAt: "asc" } })).map(toParticipant);
    },
  };
}
