import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKind, openDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { prismaStore, toParticipant } from "@/lib/db/store";
import type { Store } from "@/lib/services/ports";
import { freshDatabaseUrl, testDbKind } from "../support/database";

let db: Db;
let store: Store;
const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, s, 250));

beforeAll(async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  db = await openDb(url);
  store = prismaStore(db, dbKind(url));
  await db.call.create({ data: { id: "raw-rows-call", title: "t", defaultRole: "listener", createdAt: at(0) } });
  await db.participant.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      id: `p${String(i).padStart(2, "0")}`,
      callId: "raw-rows-call",
      kind: "guest",
      displayName: `pleb-${i}`,
      role: i < 2 ? "speaker" : "listener",
      muted: i % 2 === 0,
      handRaised: i % 3 === 0,
      handRaisedAt: i % 3 === 0 ? at(i) : null,
      joinedAt: at(i),
      awaySince: i % 5 === 0 ? at(40) : null,
    })),
  });
});
afterAll(() => db?.$disconnect());

// The join path's statements run on the driver, past Prisma's client (lib/db/driver-sql.ts), and on
// SQLite through a client of our own (lib/db/sqlite-connection.ts): what they answer must be exactly
// what Prisma's own queries answer, on both databases.
describe(`the hot path's raw statements (${testDbKind()})`, () => {
  it("answer rows as Prisma does: booleans, dates (to the millisecond) and nulls", async () => {
    const fromPrisma = (await db.participant.findMany({ where: { callId: "raw-rows-call" }, orderBy: { id: "asc" } })).map(toParticipant);
    const raw = await Promise.all(fromPrisma.map((p) => store.findParticipant(p.id)));
    expect(raw).toEqual(fromPrisma);
    expect(raw[3]!.handRaisedAt?.toISOString()).toBe("2026-11-26T12:00:03.250Z");
    expect((await store.findCall("raw-rows-call"))?.createdAt.toISOString()).toBe("2026-11-26T12:00:00.250Z");
  });

  it("count, page and compare dates as Prisma does", async () => {
    expect(await store.countAudience("raw-rows-call")).toEqual({ total: 28, away: 5, hands: 9 });
    expect(await store.countPresentParticipants("raw-rows-call")).toBe(30);
    const first = await store.listParticipantPage("raw-rows-call", { group: "audience", limit: 10, search: null, after: null });
    const next = await store.listParticipantPage("raw-rows-call", {
      group: "audience",
      limit: 100,
      search: null,
      after: { at: first.at(-1)!.joinedAt, id: first.at(-1)!.id },
    });
    expect([...first, ...next].map((p) => p.id)).toEqual(Array.from({ length: 28 }, (_, i) => `p${String(i + 2).padStart(2, "0")}`));
    const updated = await store.updatePresentParticipant("p07", { handRaised: true, handRaisedAt: at(50) });
    expect(updated).toMatchObject({ handRaised: true, handRaisedAt: at(50), muted: false });
  });
});
