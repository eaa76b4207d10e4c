import { z } from "zod";

/** Every error code the API can answer with; docs/API.md lists their meanings. */
export const ERROR_CODES = [
  "INVALID_INPUT",
  "INVALID_JSON",
  "INVALID_CALL_ID",
  "PAYLOAD_TOO_LARGE",
  "UNAUTHENTICATED",
  "INVALID_CREDENTIAL",
  "INVALID_SIGNATURE",
  "WRONG_CALL",
  "FORBIDDEN",
  "HOST_PROTECTED",
  "LAST_ADMIN",
  "EMAIL_TAKEN",
  "CSRF",
  "ALREADY_IN_CALL",
  "REMOVED",
  "CALL_NOT_FOUND",
  "PARTICIPANT_NOT_FOUND",
  "USER_NOT_FOUND",
  "PARTICIPANT_LEFT",
  "CALL_ENDED",
  "CALL_LOCKED",
  "BANNED",
  "RATE_LIMITED",
  "RECORDING_UNAVAILABLE",
  "RECORDING_NOT_FOUND",
  "MESSAGE_NOT_FOUND",
  "RANGE_NOT_SATISFIABLE",
  "INTERNAL",
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  /** `retryAfterMs` comes with RATE_LIMITED: when to try again. */
  error: z.object({ code: ErrorCodeSchema, message: z.string(), retryAfterMs: z.number().int().positive().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
