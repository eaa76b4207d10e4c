import jwt from "next-auth/jwt";

/** next-auth's session cookie: `__Secure-` prefixed when served over HTTPS. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

// "type": "module" can hand back the CommonJS module object: take the function from either shape.
const decode = (jwt as unknown as { decode?: typeof jwt.decode; default?: { decode: typeof jwt.decode } }).decode ?? (jwt as any).default.decode;

/** The signed-in user's id from the session cookie, or null (none, expired or forged). */
export async function sessionUserId(secret: string, cookies: Record<string, string>): Promise<string | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookies[name];
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (typeof payload?.sub === "string") return payload.sub;
    } catch {
      // A cookie that does not decrypt is no session.
    }
  }
  return null;
}
