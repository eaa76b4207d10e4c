import type { ErrorCode } from "../contracts/errors";

/** The HTTP status of each error code (API.md conventions). */
export const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  INVALID_JSON: 400,
  INVALID_CALL_ID: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIAL: 401,
  WRONG_CALL: 403,
  FORBIDDEN: 403,
  HOST_PROTECTED: 403,
  LAST_ADMIN: 409,
  CALL_NOT_FOUND: 404,
  PARTICIPANT_NOT_FOUND: 404,
  PARTICIPANT_LEFT: 409,
  CALL_ENDED: 410,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};
