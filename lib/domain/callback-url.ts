/**
 * Where to send someone after signing in: only a path on this site. Anything
 * else (another origin, a protocol-relative `//host`, a backslash trick) falls
 * back to `fallback`, so a crafted link cannot bounce people to another site.
 */
export function safeCallbackUrl(raw: string | string[] | null | undefined, fallback = "/"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\") || /[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

/** `page`'s address that comes back to `callbackUrl` afterwards. */
export const withCallbackUrl = (page: string, callbackUrl: string) => (callbackUrl === "/" ? page : `${page}?callbackUrl=${encodeURIComponent(callbackUrl)}`);

/** The sign-in page's address that comes back to `path` afterwards. */
export const signInPath = (path: string) => withCallbackUrl("/signin", path);
