import { readdirSync } from "node:fs";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createCall } from "../support/api";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { HEADERS_TIMEOUT_MS: "1000" } });
});
afterAll(() => server?.stop());

const openFiles = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

describe("database connections", () => {
  it("stay bounded across 2,000 moderation writes (each one a transaction)", async () => {
    const host = await createCall(server);
    const toggle = (i: number) => api(server, "POST", `/api/calls/${host.call.id}/lock`, { credential: host.credential, body: { locked: i % 2 === 0 } });
    await toggle(0); // warm: the first requests open what the server keeps open
    const before = openFiles(server.pid());
    for (let i = 1; i <= 2000; i += 8) {
      const batch = await Promise.all(Array.from({ length: 8 }, (_, k) => toggle(i + k)));
      expect(batch.map((r) => r.status)).toEqual(Array(8).fill(200));
    }
    const after = openFiles(server.pid());
    expect(after - before).toBeLessThan(40);
    expect((await api(server, "GET", "/api/health")).body).toMatchObject({ ok: true, db: true });
  }, 120_000);
});

describe("idle connections", () => {
  it("are closed when they send nothing (HEADERS_TIMEOUT_MS)", async () => {
    const { hostname, port } = new URL(server.url);
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      const timer = setTimeout(() => (socket.destroy(), reject(new Error("still open after 10 s"))), 10_000);
      socket.on("close", () => (clearTimeout(timer), resolve(Date.now() - started)));
      socket.on("error", () => undefined);
      socket.resume(); // read what the server sends (a 408), so its close is seen
    });
    expect(closedAfter).toBeGreaterThanOrEqual(900);
    expect(closedAfter).toBeLessThan(5000);
  });
});
