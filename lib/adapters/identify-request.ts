import { AppError } from "../domain/errors";
import type { Visitor } from "../services/admit-participant";
import type { Caller, Deps } from "../services/deps";
import { callerForUser, visitorFor } from "../services/visitors";
import { identifyCaller, type CredentialSources } from "../auth/identify";
import { sessionClaim } from "../auth/session";
import type { Env } from "../env";

export interface Identity {
  /** The participant acting in this call: from a credential, else from the session's account. */
  caller: Caller | null;
  /** The signed-in account, if any. */
  user: Visitor | null;
}

export interface Secrets {
  credentialSecret: string;
  sessionSecret: string;
}

export const secretsOf = (env: Env): Secrets => ({ credentialSecret: env.EARSHOT_SECRET, sessionSecret: env.NEXTAUTH_SECRET });

/**
 * Who is making a request about `callId`: never from a body, only from the
 * credential and the session. A bad credential is an error, unless `lenient`
 * (reads that must not tell a bad credential from no access treat it as none).
 */
export async function identify(
  deps: Pick<Deps, "store" | "users">,
  secrets: Secrets,
  callId: string,
  src: CredentialSources,
  lenient = false,
): Promise<Identity> {
  let fromCredential: Caller | null = null;
  try {
    fromCredential = identifyCaller(secrets.credentialSecret, callId, src);
  } catch (e) {
    if (!lenient) throw e;
  }
  const user = await visitorFor(deps, await sessionClaim(secrets.sessionSecret, src.cookies));
  const caller = fromCredential ?? (user ? await callerForUser(deps, callId, user) : null);
  return { caller, user };
}

export async function requireParticipantCaller(deps: Pick<Deps, "store" | "users">, secrets: Secrets, callId: string, src: CredentialSources): Promise<Caller> {
  const { caller } = await identify(deps, secrets, callId, src);
  if (!caller) throw new AppError("UNAUTHENTICATED", "Join the call first: this needs your participant credential or a signed-in session.");
  return caller;
}
