import type { CallRecord, MessageRecord, ParticipantRecord, Store } from "../services/ports";
import { rolesOf } from "../domain/stage";
import { Prisma } from "./generated/sqlite/client";
import { sqlRunner, type Db, type DbKind } from "./client";

/**
 * The statements a join, a reconnect and a call:state run, as raw SQL on the driver (driver-sql.ts).
 * A Prisma model query costs about 1.5–2 ms of CPU on this machine (its query compiler and result
 * mapping), a raw statement through the client about 0.5 ms and on the driver less again
 * (bench/README.md, "Per-join cost"); a crowd of listeners runs several of these per join. Both databases take the same SQL (quoted identifiers, booleans
 * compared as such); only the case-insensitive search differs. The adapters map the rows' column
 * types back to booleans and dates, as for model queries.
 */
const { sql, join, raw, empty } = Prisma;
type Sql = Prisma.Sql;

type CallRow = Omit<CallRecord, "defaultRole"> & { defaultRole: string };
type ParticipantRow = Omit<ParticipantRecord, "kind" | "role" | "recordingConsent"> & { kind: string; role: string; recordingConsent: string | null };
type PageQuery = Parameters<Store["listParticipantPage"]>[1];
type ParticipantPatch = Parameters<Store["updateParticipant"]>[1];

const PARTICIPANT_COLUMNS = new Set<string>(Object.values(Prisma.ParticipantScalarFieldEnum));

/** A Participant column as an SQL identifier: a record's or a patch's keys become identifiers, so only real columns pass. */
function participantColumn(name: string): Sql {
  if (!PARTICIPANT_COLUMNS.has(name)) throw new Error(`not a participant column: ${name}`);
  return raw(`"${name}"`);
}

/** `%text%` for LIKE, with the wildcards in what people type matched as themselves. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function hotPathSql(db: Db, kind: DbKind) {
  const rows = sqlRunner(db);
  const count = async (query: Sql) => Number((await rows<{ n: number }>(query))[0]?.n ?? 0);
  const setClause = (patch: ParticipantPatch) =>
    join(
      Object.entries(patch)
        .filter(([, value]) => value !== undefined) // as in Prisma: an undefined field is left as it is
        .map(([column, value]) => sql`${participantColumn(column)} = ${value}`),
    );

  return {
    callsById: (ids: readonly string[]) => rows<CallRow>(sql`SELECT * FROM "Call" WHERE "id" IN (${join(ids)})`),

    participantsById: (ids: readonly string[]) => rows<ParticipantRow>(sql`SELECT * FROM "Participant" WHERE "id" IN (${join(ids)})`),

    stage: (callId: string) =>
      rows<ParticipantRow>(sql`
        SELECT * FROM "Participant" WHERE "callId" = ${callId} AND "leftAt" IS NULL AND "role" IN (${join(rolesOf("stage"))})
        ORDER BY "joinedAt", "id"`),

    /** Keyset paging on the (callId, leftAt, joinedAt|handRaisedAt, id) indexes: a page costs the same wherever it is. */
    participantPage: (callId: string, q: PageQuery) => {
      const key = raw(q.group === "hands" ? `"handRaisedAt"` : `"joinedAt"`);
      const group = q.group === "hands" ? sql`"handRaised" = ${true}` : sql`"role" IN (${join(rolesOf(q.group))})`;
      const like = kind === "postgres" ? raw("ILIKE") : raw("LIKE"); // SQLite's LIKE ignores ASCII case already
      const search = q.search ? sql`AND "displayName" ${like} ${containsPattern(q.search)} ESCAPE '\\'` : empty;
      const after = q.after ? sql`AND (${key} > ${q.after.at} OR (${key} = ${q.after.at} AND "id" > ${q.after.id}))` : empty;
      return rows<ParticipantRow>(sql`
        SELECT * FROM "Participant" WHERE "callId" = ${callId} AND "leftAt" IS NULL AND ${group} ${search} ${after}
        ORDER BY ${key}, "id" LIMIT ${q.limit}`);
    },

    /** One statement, answered from the covering index (callId, leftAt, role, awaySince, handRaised). */
    audienceCounts: async (callId: string) => {
      const [row] = await rows<{ total: number; away: number | null; hands: number | null }>(sql`
        SELECT COUNT(*) AS total,
               SUM(CASE WHEN "awaySince" IS NOT NULL THEN 1 ELSE 0 END) AS away,
               SUM(CASE WHEN "handRaised" THEN 1 ELSE 0 END) AS hands
        FROM "Participant" WHERE "callId" = ${callId} AND "leftAt" IS NULL AND "role" IN (${join(rolesOf("audience"))})`);
      // A SUM over no rows is null; Postgres answers both as numeric strings.
      return { total: Number(row?.total ?? 0), away: Number(row?.away ?? 0), hands: Number(row?.hands ?? 0) };
    },

    countPresent: (callId: string) => count(sql`SELECT COUNT(*) AS n FROM "Participant" WHERE "callId" = ${callId} AND "leftAt" IS NULL`),

    messagesBefore: (callId: string, before: number | null, limit: number, until: Date | null) =>
      rows<MessageRecord>(sql`
        SELECT * FROM "Message" WHERE "callId" = ${callId}
        ${before === null ? empty : sql`AND "id" < ${before}`} ${until ? sql`AND "createdAt" <= ${until}` : empty}
        ORDER BY "id" DESC LIMIT ${limit}`),

    /** The participant after the patch; with `present`, only if they have not left (else nothing is changed). */
    updateParticipant: async (id: string, patch: ParticipantPatch, present: boolean): Promise<ParticipantRow | null> => {
      const [row] = await rows<ParticipantRow>(sql`
        UPDATE "Participant" SET ${setClause(patch)} WHERE "id" = ${id} ${present ? sql`AND "leftAt" IS NULL` : empty} RETURNING *`);
      return row ?? null;
    },

    /** False when a unique key (the id, the call's display name, the call's account) is taken already. */
    insertParticipant: async (p: ParticipantRecord): Promise<boolean> => {
      const columns = Object.keys(p) as (keyof ParticipantRecord)[];
      const inserted = await rows(sql`
        INSERT INTO "Participant" (${join(columns.map(participantColumn))})
        VALUES (${join(columns.map((c) => sql`${p[c]}`))})
        ON CONFLICT DO NOTHING RETURNING "id"`);
      return inserted.length === 1;
    },

    isBanned: async (callId: string, who: { userId: string | null; deviceId: string | null }) => {
      const by = [...(who.userId ? [sql`"userId" = ${who.userId}`] : []), ...(who.deviceId ? [sql`"deviceId" = ${who.deviceId}`] : [])];
      if (by.length === 0) return false;
      return (await rows(sql`SELECT 1 FROM "CallBan" WHERE "callId" = ${callId} AND (${join(by, " OR ")}) LIMIT 1`)).length > 0;
    },
  };
}
