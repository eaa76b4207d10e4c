import { SESSION_COOKIES } from "../contracts/cookies";
import { AppError } from "../domain/errors";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const isOurCookie = (name: string) => name.startsWith("earshot_") || (SESSION_COOKIES as readonly string[]).includes(name);

export interface OriginPolicy {
  /** Take the public host and scheme from X-Forwarded-Host/-Proto (only behind a proxy you run). */
  trustProxy: boolean;
  /** Other origins that are this site (NEXTAUTH_URL's, when a proxy rewrites Host). */
  trustedOrigins: readonly string[];
}

type HeaderOf = (name: string) => string | null;

/** Whether any of our cookies rides on the request: only then can it act as someone without their knowing. */
export const carriesOurCookies = (cookieHeader: string | null) => (cookieHeader ?? "").split(";").some((c) => isOurCookie(c.split("=")[0]!.trim()));

/**
 * Is this browser request from another site? Browsers send Origin on writes and
 * on every WebSocket handshake; a request with none is from a browser only if
 * it says cross-site (Sec-Fetch-Site), otherwise from a non-browser client,
 * which cannot hold a victim's cookies. The scheme and host this site is served
 * at come from forwarded headers only when the proxy is trusted.
 */
export function isCrossSite(header: HeaderOf, scheme: "http" | "https", policy: OriginPolicy): boolean {
  const origin = header("origin");
  if (origin === null) return header("sec-fetch-site") === "cross-site";
  const proto = (policy.trustProxy && header("x-forwarded-proto")) || scheme;
  const host = (policy.trustProxy && header("x-forwarded-host")) || header("host");
  return origin !== `${proto}://${host}` && !policy.trustedOrigins.includes(origin);
}

/**
 * Refuses cookie-authenticated mutating requests from other sites. A bearer
 * token is not sent automatically, so requests carrying one are not a CSRF risk.
 */
export function checkSameOrigin(req: Request, policy: OriginPolicy): void {
  if (!MUTATING.has(req.method) || req.headers.has("authorization") || !carriesOurCookies(req.headers.get("cookie"))) return;
  const scheme = new URL(req.url).protocol === "https:" ? "https" : "http";
  if (isCrossSite((name) => req.headers.get(name), scheme, policy)) throw csrfError();
}

export const csrfError = () => new AppError("CSRF", "This request came from another site; it was refused to protect your session.");
