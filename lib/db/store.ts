import type { DefaultRole, Role } from "../contracts/roles";
import type { RecordingConsent } from "../domain/recording";
import type { CallRecord, MessageRecord, ParticipantRecord, Store } from "../services/ports";
import { batchQueue, fulfilled, oneByOne, sharedRead, type BatchRunner } from "./batch-queue";
import type { Db, DbKind } from "./client";
import { hotPathSql } from "./hot-path-sql";

type Row<T> = Omit<T, "defaultRole" | "role" | "kind" | "recordingConsent"> & Record<string, unknown>;

export const toCall = (r: Row<CallRecord> & { defaultRole: string }): CallRecord => ({
  id: r.id,
  title: r.title,
  defaultRole: r.defaultRole as DefaultRole,
  hostParticipantId: r.hostParticipantId,
  hostUserId: r.hostUserId,
  locked: r.locked,
  createdAt: r.createdAt,
  endedAt: r.endedAt,
  emptySince: r.emptySince,
  recordingId: (r.recordingId as string | null) ?? null,
});

export const toParticipant = (r: Row<ParticipantRecord> & { role: string; kind: string }): ParticipantRecord => ({
  id: r.id,
  callId: r.callId,
  kind: r.kind as ParticipantRecord["kind"],
  userId: r.userId,
  deviceId: r.deviceId,
  displayName: r.displayName,
  role: r.role as Role,
  muted: r.muted,
  handRaised: r.handRaised,
  handRaisedAt: r.handRaisedAt,
  joinedAt: r.joinedAt,
  leftAt: r.leftAt,
  awaySince: r.awaySince,
  presenceNode: r.presenceNode,
  removedAt: r.removedAt,
  inAudio: r.inAudio,
  publishing: r.publishing,
  recordingConsent: (r.recordingConsent as RecordingConsent) ?? null,
  guestName: r.guestName,
  stageInviteFrom: r.stageInviteFrom,
});

/** Prisma reports a unique-constraint violation as P2002, through either adapter. */
export const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === "P2002";

/** SQLite's LIKE ignores ASCII case already and rejects `mode`; Postgres needs it. */
export const textMatch = (kind: DbKind, search: string) => (kind === "postgres" ? { contains: search, mode: "insensitive" as const } : { contains: search });

type NewMessage = Omit<MessageRecord, "id">;
type Inserted = { message: MessageRecord; duplicate: boolean };

/**
 * At most ten reads a second of one call's stage, counts and pages, however fast people join: a storm
 * of 100 joins/s shares each read about ten ways, and a call:state waits at most this long for one.
 */
const SNAPSHOT_SPACING_MS = 100;

/** Enough to batch a busy call's traffic; small enough for every database's bind-variable limit. */
const MAX_BATCH = 100;

/** Point lookups by id, many ids to one query. */
function byIdRunner<R extends { id: string }, T>(findMany: (ids: string[]) => Promise<R[]>, map: (r: R) => T): BatchRunner<string, T | null> {
  return async (ids) => {
    const rows = await findMany([...new Set(ids)]);
    const byId = new Map(rows.map((r) => [r.id, map(r)]));
    return ids.map((id) => fulfilled(byId.get(id) ?? null));
  };
}

const messageKey = (m: { senderId: string; clientId: string }) => `${m.senderId}\n${m.clientId}`;

export function prismaStore(db: Db, kind: DbKind): Store {
  const hot = hotPathSql(db, kind);
  const insertOneMessage = async (m: NewMessage): Promise<Inserted> => {
    try {
      return { message: await db.message.create({ data: m }), duplicate: false };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const existing = await db.message.findUnique({ where: { senderId_clientId: { senderId: m.senderId, clientId: m.clientId } } });
      if (!existing) throw e;
      return { message: existing, duplicate: true };
    }
  };

  // Chat is the hot path: concurrent messages share one INSERT (one commit) and their senders' lookups.
  const insertMessage = batchQueue<NewMessage, Inserted>(
    async (items) => {
      // Alone, a plain create is cheaper (measured: createManyAndReturn of one row costs ~1.7x).
      if (items.length === 1) return oneByOne(items, insertOneMessage);
      try {
        const rows = await db.message.createManyAndReturn({ data: items });
        const byKey = new Map(rows.map((r) => [messageKey(r), r]));
        return items.map((m) => fulfilled({ message: byKey.get(messageKey(m))!, duplicate: false }));
      } catch (e) {
        // A resend of a stored message fails the whole statement: settle each on its own.
        if (!isUniqueViolation(e)) throw e;
        return oneByOne(items, insertOneMessage);
      }
    },
    { maxBatch: MAX_BATCH },
  );
  const findCall = batchQueue(
    byIdRunner((ids) => hot.callsById(ids), toCall),
    { maxBatch: MAX_BATCH },
  );
  const findParticipant = batchQueue(
    byIdRunner((ids) => hot.participantsById(ids), toParticipant),
    { maxBatch: MAX_BATCH },
  );

  // A crowd joining one call reads the same stage, counts and first pages for every call:state: these
  // reads are shared, and run at most every SNAPSHOT_SPACING_MS per call (see sharedRead).
  type PageQuery = Parameters<Store["listParticipantPage"]>[1];
  const listStage = sharedRead(async (callId: string) => (await hot.stage(callId)).map(toParticipant), String, SNAPSHOT_SPACING_MS);
  const listParticipantPage = sharedRead(
    async ({ callId, q }: { callId: string; q: PageQuery }) => (await hot.participantPage(callId, q)).map(toParticipant),
    ({ callId, q }) => JSON.stringify([callId, q.group, q.search, q.after?.at.getTime() ?? null, q.after?.id ?? null, q.limit]),
    SNAPSHOT_SPACING_MS,
  );
  const countAudience = sharedRead(hot.audienceCounts, String, SNAPSHOT_SPACING_MS);
  const countPresentParticipants = sharedRead(hot.countPresent, String, SNAPSHOT_SPACING_MS);
  const listMessagesBefore = sharedRead(
    ({ callId, before, limit, until }: { callId: string; before: number | null; limit: number; until: Date | null }) =>
      hot.messagesBefore(callId, before, limit, until),
    ({ callId, before, limit, until }) => JSON.stringify([callId, before, limit, until?.getTime() ?? null]),
    SNAPSHOT_SPACING_MS,
  );

  return {
    async createCall(call, host) {
      try {
        await db.$transaction([db.call.create({ data: { ...call } }), db.participant.create({ data: { ...host } })]);
        return true;
      } catch (e) {
        if (isUniqueViolation(e)) return false;
        throw e;
      }
    },

    findCall,

    async endCall(id, at) {
      const [ended] = await db.$transaction([
        db.call.updateMany({ where: { id, endedAt: null }, data: { endedAt: at } }),
        db.participant.updateMany({ where: { callId: id, leftAt: null }, data: { leftAt: at, handRaised: false } }),
      ]);
      if (ended.count === 0) return null;
      const r = await db.call.findUnique({ where: { id } });
      return r && toCall(r);
    },

    async setCallEmptySince(id, at) {
      await db.call.updateMany({ where: { id, endedAt: null }, data: { emptySince: at } });
    },

    async setCallHostUser(id, userId) {
      await db.call.update({ where: { id }, data: { hostUserId: userId } });
    },

    async listIdleCalls(cutoff) {
      const rows = await db.call.findMany({ where: { endedAt: null, emptySince: { lt: cutoff } }, select: { id: true } });
      return rows.map((r) => r.id);
    },

    findParticipant,

    async findUserParticipant(callId, userId) {
      const r = await db.participant.findUnique({ where: { callId_userId: { callId, userId } } });
      return r && toParticipant(r);
    },

    countPresentParticipants,

    listStage,

    listParticipantPage: (callId, q) => listParticipantPage({ callId, q }),

    countAudience,

    async listDisplayNames(callId) {
      const rows = await db.participant.findMany({ where: { callId }, select: { displayName: true } });
      return new Set(rows.map((r) => r.displayName));
    },

    createParticipant: hot.insertParticipant,

    async updateParticipant(id, patch) {
      const row = await hot.updateParticipant(id, patch, false);
      if (!row) throw new Error(`no participant ${id} to update`);
      return toParticipant(row);
    },

    async updatePresentParticipant(id, patch) {
      const row = await hot.updateParticipant(id, patch, true);
      return row && toParticipant(row);
    },

    async listAwayBefore(cutoff) {
      const rows = await db.participant.findMany({ where: { leftAt: null, awaySince: { lt: cutoff } } });
      return rows.map(toParticipant);
    },

    async leaveIfAwaySince(id, cutoff, at) {
      const r = await db.participant.updateMany({ where: { id, leftAt: null, awaySince: { lt: cutoff } }, data: { leftAt: at, handRaised: false } });
      return r.count === 1;
    },

    async markAway(at, whose) {
      const online = { leftAt: null, awaySince: null };
      const where =
        "alive" in whose
          ? { ...online, OR: [{ presenceNode: null }, { presenceNode: { notIn: whose.alive } }] }
          : { ...online, ...(whose.node === null ? {} : { presenceNode: whose.node }) };
      const candidates = await db.participant.findMany({ where, select: { id: true } });
      const marked: ParticipantRecord[] = [];
      for (const { id } of candidates) {
        // Each only if still online where it was: a reconnect a moment ago wins.
        const r = await db.participant.updateMany({ where: { id, ...where }, data: { awaySince: at } });
        if (r.count === 1) marked.push(toParticipant(await db.participant.findUniqueOrThrow({ where: { id } })));
      }
      return marked;
    },

    countPresentAdmins: (callId) => db.participant.count({ where: { callId, leftAt: null, role: "admin" } }),

    insertMessage,

    listMessagesBefore: (callId, before, limit, until) => listMessagesBefore({ callId, before, limit, until: until ?? null }),

    async ping() {
      try {
        await db.$queryRawUnsafe("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
  };
}
