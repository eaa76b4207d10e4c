import type { ErrorCode } from "../contracts/errors";
import { AppError } from "./errors";

/**
 * What a rule says about an action: allowed, or refused with the error code and
 * the sentence the person reads. The server enforces it; the browser renders it
 * (a disabled control with the same sentence), so both run the same rule.
 */
export type Decision = { ok: true } | { ok: false; code: ErrorCode; reason: string };

export const allowed: Decision = { ok: true };
export const refused = (code: ErrorCode, reason: string): Decision => ({ ok: false, code, reason });

/** The server's side of a decision: a refusal becomes the AppError the client is answered with. */
export function enforce(decision: Decision): void {
  if (!decision.ok) throw new AppError(decision.code, decision.reason);
}
