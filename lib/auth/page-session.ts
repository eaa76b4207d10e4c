import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { appContext } from "../context";
import { signInPath } from "../domain/callback-url";
import type { Visitor } from "../services/admit-participant";

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
