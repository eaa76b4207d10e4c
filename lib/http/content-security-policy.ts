/**
 * The page CSP: scripts only with this response's nonce (Next applies it to
 * its own scripts), no inline script, no eval outside development. Styles may
 * be inline (React style props and UI libraries set them); media connections
 * go to this origin and to the LiveKit server.
 */
export function contentSecurityPolicy(opts: { nonce: string; dev: boolean; liveKitOrigins: string[] }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' ${opts.liveKitOrigins.join(" ")}`.trim(),
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The origins the page's LiveKit client connects to, given where it reaches the media server. */
export function liveKitOrigins(mediaUrl: string): string[] {
  const base = new URL(mediaUrl);
  const secure = base.protocol === "wss:" || base.protocol === "https:";
  // livekit-client speaks WebSocket for signalling and HTTP(S) for its connection check.
  return [`${secure ? "wss" : "ws"}://${base.host}`, `${secure ? "https" : "http"}://${base.host}`];
}
