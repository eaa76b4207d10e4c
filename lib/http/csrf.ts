import { SESSION_COOKIES } from "../auth/session";
import { AppError } from "../domain/errors";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const isOurCookie = (name: string) => name.startsWith("earshot_") || (SESSION_COOKIES as readonly string[]).includes(name);

/**
 * Refuses cookie-authenticated mutating requests from other sites. Browsers
 * always send Origin on such requests; a bearer token is not sent
 * automatically, so requests carrying one are not a CSRF risk.
 */
export function checkSameOrigin(req: Request, trustedOrigins: readonly string[]): void {
  if (!MUTATING.has(req.method) || req.headers.has("authorization")) return;
  const cookies = (req.headers.get("cookie") ?? "").split(";").map((c) => c.split("=")[0]!.trim());
  if (!cookies.some(isOurCookie)) return;
  const origin = req.headers.get("origin");
  const own = `${req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")}://${req.headers.get("x-forwarded-host") ?? req.headers.get("host")}`;
  if (origin === null) {
    if (req.headers.get("sec-fetch-site") === "cross-site") throw csrf();
    return;
  }
  if (origin !== own && !trustedOrigins.includes(origin)) throw csrf();
}

const csrf = () => new AppError("CSRF", "This request came from another site; it was refused to protect your session.");
