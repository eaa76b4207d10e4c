import type { MediaUrlSettings } from "../env";

/**
 * Where a browser that loaded a page from `page` reaches the media server: the configured public
 * URL, an external server's own URL, or the local server on the host the page came from. Tokens
 * carry it and the page CSP allows it, so both come from here.
 */
export function mediaPublicUrl(s: MediaUrlSettings, page: URL, forwardedProto: string | null): string {
  if (s.LIVEKIT_PUBLIC_URL) return s.LIVEKIT_PUBLIC_URL;
  if (s.LIVEKIT_URL) return s.LIVEKIT_URL.replace(/^http/, "ws");
  const https = (forwardedProto ?? page.protocol.replace(":", "")) === "https";
  return `${https ? "wss" : "ws"}://${page.hostname}:${s.LIVEKIT_PORT}`;
}
