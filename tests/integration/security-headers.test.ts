import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCall } from "../support/api";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe("security headers", () => {
  it("give every page a nonce-based CSP without inline or eval scripts, and the nonce to Next's scripts", async () => {
    const a = await fetch(`${server.url}/`);
    const b = await fetch(`${server.url}/`);
    const csp = a.headers.get("content-security-policy")!;
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("set nosniff, referrer and framing headers on pages and API responses alike", async () => {
    const { call } = await createCall(server);
    const responses = [
      ...(await Promise.all(["/", "/api/health", "/api/calls/no-such-call"].map((path) => fetch(`${server.url}${path}`)))),
      // The join is served beside Next's router (lib/adapters/fast-lane.ts): the same headers, answer or error.
      ...(await Promise.all([call.id, "no-such-call"].map((id) => fetch(`${server.url}/api/calls/${id}/join`, { method: "POST" })))),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 200, 404]);
    for (const res of responses) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    expect(responses[3]!.headers.getSetCookie().length).toBeGreaterThanOrEqual(2); // the call credential and the device cookie
    expect(await responses[4]!.json()).toMatchObject({ error: { code: "CALL_NOT_FOUND" } });
  });
});
