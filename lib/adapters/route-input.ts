import { CLIENT_ADDRESS_HEADER } from "../auth/client-address";
import type { CredentialSources } from "../auth/identify";
import { bearerToken, parseCookies } from "../http/headers";
import type { AudioRoom } from "../services/ports";

/** The client address server.ts stamped on the request (lib/auth/client-address.ts). */
export const requestAddress = (req: Request): string => req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";

/** Where a request may carry a participant credential: a bearer token, or the call's cookie. */
export function credentialSources(req: Request): CredentialSources {
  return { bearer: bearerToken(req.headers.get("authorization")), cookies: parseCookies(req.headers.get("cookie")) };
}

/**
 * Where the browser behind this request reaches the media server (the audio port decides), from the
 * host it asked for (the Host header). Not from `req.url` alone: behind a server listening on all
 * addresses that says `0.0.0.0`, which Chromium refuses to connect to.
 */
export function requestAudioUrl(audio: Pick<AudioRoom, "publicUrl">, req: Request): string {
  const page = new URL(req.url);
  const host = req.headers.get("host");
  if (host) page.host = host; // an invalid Host leaves the URL as it was
  return audio.publicUrl(page, req.headers.get("x-forwarded-proto"));
}
