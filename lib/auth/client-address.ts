import type { IncomingMessage } from "node:http";

/**
 * The header server.ts sets on every request to the client's address: the
 * socket's peer, or the first X-Forwarded-For hop when TRUST_PROXY=true. Any
 * value a client sends in it is overwritten, so it cannot be spoofed.
 */
export const CLIENT_ADDRESS_HEADER = "x-earshot-client-address";

export function stampClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
  req.headers[CLIENT_ADDRESS_HEADER] = forwarded || req.socket.remoteAddress || "unknown";
}
