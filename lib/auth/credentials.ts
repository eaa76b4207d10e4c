import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * The per-call participant credential: `v1.<payload>.<signature>`, base64url,
 * HMAC-SHA256 over the payload with the server secret. It proves "I am
 * participant p of call c" until it expires; it carries no role (roles are
 * always read from the database).
 */
const PayloadSchema = z.object({ c: z.string(), p: z.string(), exp: z.number() });

export type CredentialCheck = { ok: true; callId: string; participantId: string } | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

const sign = (secret: string, data: string) => createHmac("sha256", secret).update(data).digest("base64url");

export function issueCredential(secret: string, callId: string, participantId: string, ttlMs: number, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ c: callId, p: participantId, exp: now + ttlMs })).toString("base64url");
  return `v1.${payload}.${sign(secret, `v1.${payload}`)}`;
}

export function verifyCredential(secret: string, credential: string, now = Date.now()): CredentialCheck {
  const parts = credential.split(".");
  if (parts.length !== 3 || parts[0] !== "v1" || !parts[1] || !parts[2]) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(secret, `v1.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "bad_signature" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const payload = PayloadSchema.safeParse(json);
  if (!payload.success) return { ok: false, reason: "malformed" };
  if (payload.data.exp <= now) return { ok: false, reason: "expired" };
  return { ok: true, callId: payload.data.c, participantId: payload.data.p };
}
