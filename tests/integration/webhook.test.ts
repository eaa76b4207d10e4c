import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createCall } from "../support/api";
import { startServer, TEST_LIVEKIT_KEY, TEST_LIVEKIT_SECRET, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

/** Signs a webhook body the way LiveKit does: a JWT whose sha256 claim is the body's hash. */
async function sign(body: string, secret = TEST_LIVEKIT_SECRET): Promise<string> {
  const token = new AccessToken(TEST_LIVEKIT_KEY, secret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

const event = (callId: string, identity: string) =>
  JSON.stringify({
    event: "participant_joined",
    id: `EV_${Date.now()}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
    room: { name: callId },
    participant: { identity },
  });

describe("LiveKit webhook", () => {
  it("accepts a correctly signed event and updates audio presence", async () => {
    const host = await createCall(server);
    const body = event(host.call.id, host.participant.id);
    const res = await api(server, "POST", "/api/livekit/webhook", {
      raw: body,
      headers: { authorization: await sign(body), "content-type": "application/webhook+json" },
    });
    expect(res.status).toBe(204);
    const call = await api(server, "GET", `/api/calls/${host.call.id}`);
    expect(call.body.participants[0].inAudio).toBe(true);
  });

  it("refuses a tampered body, a wrong key and a missing signature with 401", async () => {
    const host = await createCall(server);
    const body = event(host.call.id, host.participant.id);
    const signature = await sign(body);
    const tampered = body.replace(host.participant.id, "someone-else");
    for (const [raw, authorization] of [
      [tampered, signature],
      [body, await sign(body, "another-secret-another-secret-another-secret")],
      [body, undefined],
    ] as const) {
      const res = await api(server, "POST", "/api/livekit/webhook", { raw, headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("INVALID_SIGNATURE");
    }
    const call = await api(server, "GET", `/api/calls/${host.call.id}`);
    expect(call.body.participants[0].inAudio).toBe(false);
  });

  it("refuses an unsigned or malformed sender before reading its body, and caps a signed-looking body (413)", async () => {
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid()}/status`, "utf8"))![1]) * 1024;
    const big = new Blob([Buffer.alloc(64 * 1024 * 1024, 0x7b)]);
    const post = (headers: Record<string, string>, body: Blob) => fetch(`${server.url}/api/livekit/webhook`, { method: "POST", headers, body });
    const before = rss();
    for (const headers of [{}, { authorization: "not a signature" }, { authorization: "a.b" }] as Record<string, string>[]) {
      const res = await post(headers, big);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("INVALID_SIGNATURE");
    }
    // Three 64 MiB bodies went by; none was kept.
    expect(rss() - before).toBeLessThan(48 * 1024 * 1024);
    const capped = await post({ authorization: "eyJhbGciOiJIUzI1NiJ9.eyJzaGEyNTYiOiJ4In0.c2lnbmF0dXJl" }, big.slice(0, 2 * 1024 * 1024));
    expect(capped.status).toBe(413);
    expect((await capped.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  }, 60_000);
});
