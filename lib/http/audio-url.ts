import { appContext } from "../context";

/**
 * Where this browser reaches the media server, from the host it asked for (the Host header).
 * Not from `req.url`: behind a server listening on all addresses that says `0.0.0.0`, which
 * Chromium refuses to connect to.
 */
export function requestAudioUrl(req: Request): string {
  const page = new URL(req.url);
  const host = req.headers.get("host");
  if (host) page.host = host; // an invalid Host leaves the URL as it was
  return appContext().audioUrl(page, req.headers.get("x-forwarded-proto"));
}
