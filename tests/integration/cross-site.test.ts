import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { credentialCookieName } from "@/lib/contracts/cookies";
import { api, createCall, joinCall } from "../support/api";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  [server, proxied] = await Promise.all([startServer(), startServer({ env: { TRUST_PROXY: "true" } })]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), proxied?.stop()]);
});

/** Opens a socket; resolves with "connected" or the connect_error code. */
function openSocket(target: TestServer, auth: Record<string, string>, headers: Record<string, string>): Promise<string> {
  const socket = io(target.url, { auth, transports: ["websocket"], reconnection: false, extraHeaders: headers });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (socket.close(), reject(new Error("neither connected nor refused"))), 5000);
    socket.on("connect", () => (clearTimeout(timer), socket.close(), resolve("connected")));
    socket.on("connect_error", (e) => (clearTimeout(timer), socket.close(), resolve(e.message)));
  });
}

/** A socket that relies on the call cookie, as a page would. */
const cookieSocket = (target: TestServer, callId: string, cookie: string, headers: Record<string, string>) =>
  openSocket(target, { callId }, { cookie, ...headers });

describe("cookie-authenticated sockets from another site", () => {
  it("are refused, as cookie-authenticated REST writes are; the site's own pages connect", async () => {
    const host = await createCall(server);
    const cookie = `${credentialCookieName(host.call.id)}=${host.credential}`;
    const otherPort = server.url.replace(/:\d+$/, ":4199");
    expect(await cookieSocket(server, host.call.id, cookie, { origin: otherPort })).toBe("CSRF");
    expect(await cookieSocket(server, host.call.id, cookie, { origin: "https://evil.example" })).toBe("CSRF");
    expect(await cookieSocket(server, host.call.id, cookie, { origin: server.url })).toBe("connected");
    // No Origin at all is not a browser (browsers always send one on a WebSocket handshake).
    expect(await cookieSocket(server, host.call.id, cookie, {})).toBe("connected");
    // An explicit credential is not sent by a browser on its own: no origin check needed.
    expect(await openSocket(server, { credential: host.credential }, { origin: otherPort })).toBe("connected");
  });

  it("cannot pass by claiming the other site is ours in X-Forwarded-Host, unless the proxy is trusted", async () => {
    for (const target of [server, proxied]) {
      const host = await createCall(target);
      const guest = await joinCall(target, host.call.id);
      const cookie = `${credentialCookieName(host.call.id)}=${host.credential}`;
      const spoof = { origin: "http://evil.example", "x-forwarded-host": "evil.example" };
      const rest = await api(target, "POST", `/api/calls/${host.call.id}/roles`, {
        cookie,
        body: { participantId: guest.participant.id, role: "speaker" },
        headers: spoof,
      });
      const socket = await cookieSocket(target, host.call.id, cookie, spoof);
      if (target === server) {
        expect(rest.body.error?.code).toBe("CSRF");
        expect(socket).toBe("CSRF");
      } else {
        // Behind a trusted proxy, the proxy says which host the browser asked for.
        expect(rest.status).toBe(200);
        expect(socket).toBe("connected");
      }
    }
  });
});
