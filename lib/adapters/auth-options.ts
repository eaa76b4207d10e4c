import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import credentialsModule from "next-auth/providers/credentials";
import githubModule from "next-auth/providers/github";
import googleModule from "next-auth/providers/google";
import { SignInSchema } from "../contracts/accounts";
import type { Db } from "../db/client";
import { isAppError } from "../domain/errors";
import type { Env } from "../env";
import { authenticate, type AccountDeps } from "../services/accounts";
import { displayNameOf, sessionStands } from "../services/visitors";
import { sessionVersionOf } from "../auth/session";
import { CLIENT_ADDRESS_HEADER } from "../auth/client-address";

// With "type": "module" these default imports can arrive as the CommonJS module object.
const unwrap = <T>(m: T | { default: T }): T => ((m as { default?: T }).default ?? m) as T;
const Credentials = unwrap(credentialsModule);
const GitHub = unwrap(githubModule);
const Google = unwrap(googleModule);

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

/**
 * next-auth: email + password (Credentials) always; GitHub and Google when
 * their settings are present. Sessions are JWTs in an httpOnly, SameSite=Lax
 * cookie (Secure behind HTTPS); the account is re-read on every use, so a
 * disabled account stops working at once.
 */
export function authOptions(env: Env, db: Db, deps: AccountDeps): AuthOptions {
  const providers: AuthOptions["providers"] = [
    Credentials({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = SignInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const address = String(req.headers?.[CLIENT_ADDRESS_HEADER] ?? "unknown");
        try {
          const user = await authenticate(deps, parsed.data.email, parsed.data.password, address);
          return user && { id: user.id, email: user.email, name: displayNameOf(user) };
        } catch (e) {
          // next-auth passes an Error's message to the sign-in page as ?error=
          if (isAppError(e) && e.code === "RATE_LIMITED") throw new Error("RATE_LIMITED");
          throw e;
        }
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHub({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(Google({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  return {
    adapter: PrismaAdapter(db as never),
    providers,
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    // Our own pages; next-auth's built-in ones are never shown.
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
    callbacks: {
      // A new session carries the account's session version; signing out bumps it, so a copy of the
      // cookie kept from before the sign-out no longer counts anywhere.
      async jwt({ token, user }) {
        if (user) token.sv = (await deps.users.findUser(user.id))?.sessionVersion ?? 0;
        return token;
      },
      async session({ session, token }) {
        const user = token.sub ? await deps.users.findUser(token.sub) : null;
        if (!sessionStands(user, sessionVersionOf(token))) return { ...session, user: undefined };
        return { ...session, user: { id: user.id, name: displayNameOf(user), email: user.email } };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) await deps.users.endSessions(token.sub);
      },
    },
  };
}

/** The OAuth providers switched on by settings, for the sign-in page's buttons. */
export function oauthProviders(options: AuthOptions): { id: string; name: string }[] {
  return options.providers.filter((p) => p.type === "oauth").map((p) => ({ id: p.id, name: p.name }));
}
