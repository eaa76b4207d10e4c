import { mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { prismaStore } from "@/lib/db/store";

const dir = mkdtempSync(join(tmpdir(), "earshot-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const filesOpenOn = (file: string) =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(file);
    } catch {
      return false;
    }
  }).length;

describe("the SQLite client", () => {
  it("keeps one connection, with its settings, however many transactions run", async () => {
    const file = join(dir, "earshot.db");
    await migrate(`file:${file}`);
    const db = await openDb(`file:${file}`);
    try {
      const pragma = async (name: string) => Object.values((await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];
      // Warm up: the first transaction opens what the connection keeps open (the WAL and its index).
      await db.$transaction(async (tx) => tx.call.count());
      const before = filesOpenOn(file);
      for (let i = 0; i < 300; i++) await db.$transaction(async (tx) => tx.call.count());
      expect(filesOpenOn(file)).toBe(before);
      expect(Number(await pragma("foreign_keys"))).toBe(1);
      expect(Number(await pragma("busy_timeout"))).toBe(5000);
      expect(String(await pragma("journal_mode"))).toBe("wal");
      expect(Number(await pragma("synchronous"))).toBe(1); // NORMAL
    } finally {
      await db.$disconnect();
    }
  });

  it("rolls a failed transaction back and goes on", async () => {
    const db = await openDb(`file:${join(dir, "earshot.db")}`);
    try {
      const row = { id: "roll-back-test", title: "t", defaultRole: "listener" };
      await expect(
        db.$transaction(async (tx) => {
          await tx.call.create({ data: row });
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(await db.call.count({ where: { id: row.id } })).toBe(0);
      await db.$transaction(async (tx) => tx.call.create({ data: row }));
      expect(await db.call.count({ where: { id: row.id } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it("prepares each statement once, however often it runs with other values", async () => {
    const db = await openDb(`file:${join(dir, "earshot.db")}`);
    const prepare = vi.spyOn(Database.prototype, "prepare");
    try {
      const store = prismaStore(db, "sqlite");
      await db.call.createMany({ data: ["a", "b", "c"].map((id) => ({ id: `prepared-${id}`, title: id, defaultRole: "listener" })) });
      await store.findCall("prepared-a"); // the first lone lookup prepares `IN (?)`
      const before = prepare.mock.calls.length;
      for (const id of ["b", "c", "a", "b"]) expect((await store.findCall(`prepared-${id}`))?.title).toBe(id);
      expect(prepare.mock.calls.length).toBe(before);
    } finally {
      prepare.mockRestore();
      await db.$disconnect();
    }
  });
});
