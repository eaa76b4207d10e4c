import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { appContext, type AppContext } from "../context";
import { signInPath } from "../domain/callback-url";
import type { Visitor } from "../services/admit-participant";
import { identify, secretsOf, type Identity } from "./identify-request";

/**
 * The signed-in account for a page render: the one session reader of every
 * page, next-auth's session (its callback re-reads the account, so a disabled
 * or signed-out one is nobody).
 */
export async function currentUser(ctx: AppContext = appContext()): Promise<Visitor | null> {
  const user = (await getServerSession(ctx.authOptions))?.user;
  return user ? { id: user.id, name: user.name } : null;
}

/** For pages that need an account: the user, or a redirect to sign in that comes back to `path`. */
export async function requireUser(path: string, ctx: AppContext = appContext()): Promise<Visitor> {
  const user = await currentUser(ctx);
  if (!user) redirect(signInPath(path));
  return user;
}

/** Who is reading a call's page: this browser's participant credential for it (if any) and the signed-in account. */
export async function pageIdentity(ctx: AppContext, callId: string, user: Visitor | null): Promise<Identity> {
  const jar = Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
  // Lenient: a stale credential is simply no credential here; the session still counts.
  const { caller } = await identify(ctx.deps, secretsOf(ctx.env), callId, { bearer: null, cookies: jar }, true);
  return { caller, user };
}
