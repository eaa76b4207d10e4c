import type { ServerResponse } from "node:http";
import type { ErrorBody } from "../contracts/errors";

/**
 * Whether a request path has malformed percent-encoding (`/api/calls/%E0%A4%A`).
 * Next answers those with a plain-text 500, so the server refuses them first.
 */
export function isUndecodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]!);
    return false;
  } catch {
    return true;
  }
}

/** The API's error shape for such a path: 400, nothing else touched. */
export function refuseUndecodablePath(res: ServerResponse): void {
  const body: ErrorBody = { error: { code: "INVALID_INPUT", message: "The address is not valid: it has malformed percent-encoding." } };
  res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify(body));
}
