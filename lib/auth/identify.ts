import { AppError } from "../domain/errors";
import { credentialCookieName, verifyCredential } from "./credentials";

/** What a verified credential proves: this participant of this call (a services `Caller`). */
export interface CredentialClaim {
  callId: string;
  participantId: string;
}

export interface CredentialSources {
  /** `Authorization: Bearer <credential>`, for non-browser clients. */
  bearer: string | null;
  /** Cookie header value, parsed. */
  cookies: Record<string, string>;
}

/**
 * Finds and checks the caller's credential for `callId`. An explicit bearer
 * wins over the cookie. Returns null when none was presented; throws when one
 * was presented but is forged, expired or for another call.
 */
export function identifyCaller(secret: string, callId: string, src: CredentialSources): CredentialClaim | null {
  const credential = src.bearer ?? src.cookies[credentialCookieName(callId)] ?? null;
  if (!credential) return null;
  const check = verifyCredential(secret, credential);
  if (!check.ok) {
    throw new AppError("INVALID_CREDENTIAL", check.reason === "expired" ? "Your credential has expired; join the call again." : "Your credential is not valid.");
  }
  if (check.callId !== callId) throw new AppError("WRONG_CALL", "Your credential is for another call.");
  return { callId, participantId: check.participantId };
}

export function parseCookies(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const key = part.slice(0, i).trim();
    try {
      out[key] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A cookie we did not set and cannot decode is not ours: skip it.
    }
  }
  return out;
}

export function bearerToken(header: string | null | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return m?.[1] ?? null;
}
