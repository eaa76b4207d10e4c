import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { appContext } from "../context";
import { signInPath } from "../domain/callback-url";
import type { Visitor } from "../services/admit-participant";
import { identify, type Identity } from "./identify-request";

/**
 * The signed-in account for a page render, from next-auth's session (the
 * session callback re-reads the account, so a disabled one is nobody).
 */
export async function currentUser(): Promise<Visitor | null> {
  const session = await getServerSession(appContext().authOptions);
  const user = session?.user as { id?: string; name?: string | null } | undefined;
  return user?.id ? { id: user.id, name: user.name ?? "" } : null;
}

/** For pages that need an account: the user, or a redirect to sign in that comes back to `path`. */
export async function requireUser(path: string): Promise<Visitor> {
  const user = await currentUser();
  if (!user) redirect(signInPath(path));
  return user;
}

/** This request's cookies by name, for a page render. */
export async function pageCookies(): Promise<Record<string, string>> {
  return Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
}

/** Who is reading a call's page: this browser's participant credential for it (if any) and the signed-in account. */
export async function pageIdentity(callId: string, user: Visitor | null): Promise<Identity> {
  const { env, deps } = appContext();
  const jar = await pageCookies();
  // Lenient: a stale credential is simply no credential here; the session still counts.
  const { caller } = await identify(deps, { credentialSecret: env.EARSHOT_SECRET, sessionSecret: env.NEXTAUTH_SECRET }, callId, { bearer: null, cookies: jar }, true);
  return { caller, user };
}
