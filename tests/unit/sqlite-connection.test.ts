import { mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

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
});
