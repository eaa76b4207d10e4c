import jwt from "next-auth/jwt";
import { SESSION_COOKIES } from "../contracts/cookies";

// "type": "module" can hand back the CommonJS module object: take the function from either shape.
const jwtModule = jwt as unknown as { decode?: typeof jwt.decode; default?: { decode: typeof jwt.decode } };
const decode = jwtModule.decode ?? jwtModule.default!.decode;

/** A sign-in session as its cookie states it: whose, and under which of the account's session versions it was issued. */
export interface SessionClaim {
  userId: string;
  version: number;
}

/** The session version a token was issued under (tokens from before versions existed: 0). */
export const sessionVersionOf = (token: Record<string, unknown>) => (typeof token.sv === "number" ? token.sv : 0);

/** The session cookie's claim, or null (none, expired or forged). Whether it still counts is the account's to say. */
export async function sessionClaim(secret: string, cookies: Record<string, string>): Promise<SessionClaim | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookies[name];
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (typeof payload?.sub === "string") return { userId: payload.sub, version: sessionVersionOf(payload) };
    } catch {
      // A cookie that does not decrypt is no session.
    }
  }
  return null;
}
