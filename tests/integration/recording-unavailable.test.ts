import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createCall } from "../support/api";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { FFMPEG_PATH: "/nonexistent/ffmpeg" } });
});
afterAll(async () => server?.stop());

describe("without ffmpeg", () => {
  it("refuses to record with a clear error, and everything else works", async () => {
    const host = await createCall(server, "speaker");
    const res = await api(server, "POST", `/api/calls/${host.call.id}/recording`, { credential: host.credential, body: { on: true } });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("RECORDING_UNAVAILABLE");
    expect(res.body.error.message).toMatch(/ffmpeg was not found/);
    expect((await api(server, "GET", `/api/calls/${host.call.id}`)).body.call.recording).toBe(false);
    expect(server.logs()).toMatch(/Recording is unavailable: ffmpeg was not found/);
  });
});
