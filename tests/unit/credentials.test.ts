import { describe, expect, it } from "vitest";
import { issueCredential, verifyCredential } from "@/lib/auth/credentials";
import { identifyCaller } from "@/lib/auth/identify";
import { parseCookies } from "@/lib/http/headers";
import { credentialCookieName } from "@/lib/contracts/cookies";

const secret = "s".repeat(40);

describe("participant credentials", () => {
  it("round-trip", () => {
    const c = issueCredential(secret, "a-b-c", "p1", 60_000, 1000);
    expect(verifyCredential(secret, c, 2000)).toEqual({ ok: true, callId: "a-b-c", participantId: "p1" });
  });

  it("reject another secret, tampering, expiry and garbage", () => {
    const c = issueCredential(secret, "a-b-c", "p1", 60_000, 1000);
    expect(verifyCredential("x".repeat(40), c, 2000)).toMatchObject({ ok: false, reason: "bad_signature" });
    const [v, payload, sig] = c.split(".");
    const forged = Buffer.from(JSON.stringify({ c: "a-b-c", p: "admin", exp: 9e15 })).toString("base64url");
    expect(verifyCredential(secret, `${v}.${forged}.${sig}`, 2000)).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(verifyCredential(secret, `${v}.${payload}.${sig}`, 61_001)).toMatchObject({ ok: false, reason: "expired" });
    expect(verifyCredential(secret, "nonsense", 0)).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("identify the caller from a bearer token before the cookie, and refuse another call's", () => {
    const mine = issueCredential(secret, "a-b-c", "p1", 60_000);
    const other = issueCredential(secret, "x-y-z", "p2", 60_000);
    const cookies = { [credentialCookieName("a-b-c")]: mine };
    expect(identifyCaller(secret, "a-b-c", { bearer: null, cookies })).toEqual({ callId: "a-b-c", participantId: "p1" });
    expect(identifyCaller(secret, "a-b-c", { bearer: null, cookies: {} })).toBeNull();
    expect(() => identifyCaller(secret, "a-b-c", { bearer: other, cookies })).toThrow(expect.objectContaining({ code: "WRONG_CALL" }));
    expect(() => identifyCaller(secret, "a-b-c", { bearer: "v1.x.y", cookies })).toThrow(expect.objectContaining({ code: "INVALID_CREDENTIAL" }));
  });

  it("parse cookie headers leniently", () => {
    expect(parseCookies("a=1; b=%zz; c = x%20y")).toEqual({ a: "1", c: "x y" });
    expect(parseCookies(undefined)).toEqual({});
  });
});
