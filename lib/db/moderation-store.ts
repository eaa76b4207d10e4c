import type { Role } from "../contracts/roles";
import type { Actor, ModerationActionName, ModerationRecord, ModerationStore } from "../services/ports";
import type { Db, DbKind } from "./client";
import { hotPathSql } from "./hot-path-sql";
import { isUniqueViolation, toParticipant } from "./store";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What an entry says beyond who acted, where and when; whatever it leaves out is null. */
type EntryDetail = { action: ModerationActionName } & Partial<Pick<ModerationRecord, "targetId" | "targetName" | "before" | "after">>;

const toEntry = (r: Omit<ModerationRecord, "action"> & { action: string }): ModerationRecord => ({ ...r, action: r.action as ModerationActionName });

export function prismaModerationStore(db: Db, kind: DbKind): ModerationStore {
  const log = async (tx: Tx | Db, callId: string, actor: Actor, at: Date, e: EntryDetail) =>
    toEntry(
      await tx.moderationEntry.create({
        data: { targetId: null, targetName: null, before: null, after: null, ...e, callId, actorId: actor.id, actorName: actor.name, createdAt: at },
      }),
    );
  // Role changes in one call wait for each other, so the checks below see every change committed before them.
  // SQLite needs nothing: its one connection runs one transaction at a time (lib/db/sqlite-connection.ts).
  const lockCall = async (tx: Tx, callId: string) => {
    if (kind === "postgres") await tx.$queryRawUnsafe(`SELECT 1 FROM "Call" WHERE "id" = $1 FOR UPDATE`, callId);
  };

  return {
    changeRole(callId, actor, targetId, to, at, lowersHand) {
      return db.$transaction(async (tx) => {
        await lockCall(tx, callId);
        const before = await tx.participant.findUniqueOrThrow({ where: { id: targetId } });
        const unchanged = (refused: "actor-not-admin" | "last-admin" | null) => ({ participant: toParticipant(before), entry: null, refused });
        if (before.role === to) return unchanged(null);
        if (actor.id !== null) {
          const acting = await tx.participant.findUnique({ where: { id: actor.id } });
          if (!acting || acting.role !== "admin" || acting.leftAt || acting.removedAt) return unchanged("actor-not-admin");
        }
        if (before.role === "admin" && to !== "admin" && (await tx.participant.count({ where: { callId, role: "admin", leftAt: null } })) <= 1) {
          return unchanged("last-admin");
        }
        const lowerHand = lowersHand(before.role as Role, to);
        // The old role is part of the WHERE: of two admins racing, only the update that applied logs.
        const applied = await tx.participant.updateMany({
          where: { id: targetId, role: before.role },
          data: { role: to, ...(lowerHand ? { handRaised: false, handRaisedAt: null } : {}) },
        });
        const entry =
          applied.count === 1
            ? await log(tx, callId, actor, at, { targetId, targetName: before.displayName, action: "role", before: before.role, after: to })
            : null;
        return { participant: toParticipant(await tx.participant.findUniqueOrThrow({ where: { id: targetId } })), entry, refused: null };
      });
    },

    mute(callId, actor, targetId, at) {
      return db.$transaction(async (tx) => {
        const applied = await tx.participant.updateMany({ where: { id: targetId, muted: false }, data: { muted: true } });
        const p = await tx.participant.findUniqueOrThrow({ where: { id: targetId } });
        const entry =
          applied.count === 1
            ? await log(tx, callId, actor, at, { targetId, targetName: p.displayName, action: "mute", before: "unmuted", after: "muted" })
            : null;
        return { participant: toParticipant(p), entry };
      });
    },

    remove(callId, actor, targetId, ban, at) {
      return db.$transaction(async (tx) => {
        const entries: ModerationRecord[] = [];
        const p = await tx.participant.findUniqueOrThrow({ where: { id: targetId } });
        const removed = await tx.participant.updateMany({
          where: { id: targetId, removedAt: null },
          data: { removedAt: at, leftAt: p.leftAt ?? at, handRaised: false, handRaisedAt: null },
        });
        const target = { targetId, targetName: p.displayName };
        if (removed.count === 1 && !ban) entries.push(await log(tx, callId, actor, at, { ...target, action: "remove" }));
        if (ban) {
          const exists = await tx.callBan.findUnique({ where: { callId_participantId: { callId, participantId: targetId } } });
          if (!exists) {
            try {
              await tx.callBan.create({ data: { callId, participantId: targetId, userId: p.userId, deviceId: p.userId ? null : p.deviceId, createdAt: at } });
              entries.push(await log(tx, callId, actor, at, { ...target, action: "ban", after: p.userId ? "account" : "browser" }));
            } catch (e) {
              if (!isUniqueViolation(e)) throw e; // another admin banned them a moment ago
            }
          }
        }
        return entries;
      });
    },

    setLocked(callId, actor, locked, at) {
      return db.$transaction(async (tx) => {
        const applied = await tx.call.updateMany({ where: { id: callId, endedAt: null, locked: !locked }, data: { locked } });
        if (applied.count === 0) return null;
        return log(tx, callId, actor, at, { action: locked ? "lock" : "unlock" });
      });
    },

    setDefaultRole(callId, actor, role, at) {
      return db.$transaction(async (tx) => {
        const call = await tx.call.findUniqueOrThrow({ where: { id: callId } });
        if (call.defaultRole === role || call.endedAt) return null;
        const applied = await tx.call.updateMany({ where: { id: callId, defaultRole: call.defaultRole }, data: { defaultRole: role } });
        if (applied.count === 0) return null;
        return log(tx, callId, actor, at, { action: "default-role", before: call.defaultRole, after: role });
      });
    },

    async logEnd(callId, actor, at) {
      return log(db, callId, actor, at, { action: "end" });
    },

    async logRecording(callId, actor, action, detail, at) {
      return log(db, callId, actor, at, { action, after: detail });
    },

    removeMessage(callId, actor, messageId, at) {
      return db.$transaction(async (tx) => {
        const m = await tx.message.findFirst({ where: { id: messageId, callId } });
        if (!m) return null;
        // removedAt in the WHERE: of two admins racing, one removal applies and logs.
        const applied = await tx.message.updateMany({ where: { id: messageId, removedAt: null }, data: { removedAt: at } });
        const entry =
          applied.count === 1
            ? await log(tx, callId, actor, at, { targetId: m.senderId, targetName: m.senderName, action: "message-removed", after: String(m.id) })
            : null;
        return { message: { ...m, removedAt: m.removedAt ?? at }, entry };
      });
    },

    // Every newcomer's join asks this.
    isBanned: hotPathSql(db, kind).isBanned,

    async list(callId, before, limit) {
      const rows = await db.moderationEntry.findMany({
        where: { callId, ...(before === null ? {} : { id: { lt: before } }) },
        orderBy: { id: "desc" },
        take: limit,
      });
      return rows.map(toEntry);
    },

    async listRoleChanges(callId) {
      return (await db.moderationEntry.findMany({ where: { callId, action: "role" }, orderBy: { id: "asc" } })).map(toEntry);
    },
  };
}
