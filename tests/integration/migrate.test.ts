import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { freshDatabaseUrl, testDbKind } from "../support/database";

const migrationsDir = testDbKind() === "postgres" ? "prisma/postgres/migrations" : "prisma/migrations";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A project root holding only the first `n` migrations. */
function rootWith(n: number): string {
  const root = mkdtempSync(join(tmpdir(), "earshot-migrations-"));
  made.push(root);
  mkdirSync(join(root, migrationsDir), { recursive: true });
  for (const name of readdirSync(migrationsDir).sort().slice(0, n)) cpSync(join(migrationsDir, name), join(root, migrationsDir, name), { recursive: true });
  return root;
}

describe("migrations", () => {
  it("apply once each, in order, and keep existing rows through later table rebuilds", async () => {
    const all = readdirSync(migrationsDir).sort();
    const url = await freshDatabaseUrl();
    if (url.startsWith("file:")) made.push(dirname(url.slice("file:".length)));
    expect(await migrate(url, rootWith(1))).toEqual(all.slice(0, 1));

    // Data written under the first schema, through raw SQL that only uses its columns.
    const db = await openDb(url);
    const now = new Date();
    await db.$executeRawUnsafe(`INSERT INTO "Call" ("id", "title", "defaultRole", "createdAt") VALUES ('a-b-c', 'Old call', 'chatter', $1)`, now);
    await db.$executeRawUnsafe(
      `INSERT INTO "Participant" ("id", "callId", "kind", "displayName", "role", "joinedAt") VALUES ('p1', 'a-b-c', 'guest', 'pleb-old', 'admin', $1)`,
      now,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "Message" ("callId", "senderId", "senderName", "clientId", "body", "createdAt") VALUES ('a-b-c', 'p1', 'pleb-old', 'c1', 'kept', $1)`,
      now,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "RoleChange" ("callId", "actorId", "targetId", "fromRole", "toRole", "createdAt") VALUES ('a-b-c', 'p1', 'p1', 'admin', 'speaker', $1)`,
      now,
    );
    await db.$disconnect();

    expect(await migrate(url, process.cwd())).toEqual(all.slice(1));
    expect(await migrate(url, process.cwd())).toEqual([]);

    const after = await openDb(url);
    expect(await after.message.findMany({ select: { body: true } })).toEqual([{ body: "kept" }]);
    expect(await after.participant.findUnique({ where: { id: "p1" }, select: { displayName: true } })).toEqual({ displayName: "pleb-old" });
    // The old role-change log lives on as the moderation trail.
    expect(await after.moderationEntry.findMany({ select: { action: true, before: true, after: true, actorName: true, targetName: true } })).toEqual([
      { action: "role", before: "admin", after: "speaker", actorName: "pleb-old", targetName: "pleb-old" },
    ]);
    await after.$disconnect();
  });
});
