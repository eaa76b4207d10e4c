import type { IncomingMessage } from "node:http";

/**
 * The header server.ts sets on every request to the client's address: the
 * socket's peer, or the first X-Forwarded-For hop when TRUST_PROXY=true. Any
 * value a client sends in it is overwritten, so it cannot be spoofed.
 */
export const CLIENT_ADDRESS_HEADER = "x-earshot-client-address";

/** Where a request (or a socket's handshake) came from: the peer, or the proxy's word for it when the proxy is trusted. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")[0]
        ?.trim()
    : "";
  return forwarded || req.socket.remoteAddress || "unknown";
}

export function stampClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trustProxy);
}
