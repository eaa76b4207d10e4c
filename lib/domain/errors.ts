import type { ErrorCode } from "../contracts/errors";

/** The one error type services throw; adapters map its code to the wire. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { retryAfterMs?: number },
  ) {
    super(message);
    this.name = "AppError";
  }
}

// Duck-typed: Next bundles route handlers with their own copy of this module.
export const isAppError = (e: unknown): e is AppError => e instanceof Error && e.name === "AppError" && typeof (e as AppError).code === "string";
