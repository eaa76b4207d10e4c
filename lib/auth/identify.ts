import { AppError } from "../domain/errors";
import { credentialCookieName } from "../contracts/cookies";
import { verifyCredential } from "./credentials";

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
    throw new AppError(
      "INVALID_CREDENTIAL",
      check.reason === "expired" ? "Your credential has expired; join the call again." : "Your credential is not valid.",
    );
  }
  if (check.callId !== callId) throw new AppError("WRONG_CALL", "Your credential is for another call.");
  return { callId, participantId: check.participantId };
}
