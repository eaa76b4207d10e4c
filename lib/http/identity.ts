import { identify, requireParticipantCaller, type Identity } from "../auth/identify-request";
import { sessionClaim } from "../auth/session";
import { appContext } from "../context";
import { AppError } from "../domain/errors";
import type { Env } from "../env";
import type { Visitor } from "../services/admit-participant";
import type { Caller } from "../services/deps";
import { visitorFor } from "../services/visitors";
import { credentialSources, requestAddress } from "./route";

const secretsOf = (env: Env) => ({ credentialSecret: env.EARSHOT_SECRET, sessionSecret: env.NEXTAUTH_SECRET });

/** Who is asking about `callId` (participant credential and/or session); `lenient` ignores a bad credential. */
export async function requestIdentity(req: Request, callId: string, lenient = false): Promise<Identity> {
  const { env, deps } = appContext();
  const identity = await identify(deps, secretsOf(env), callId, credentialSources(req), lenient);
  return { ...identity, caller: identity.caller && { ...identity.caller, address: requestAddress(req) } };
}

/** The participant making this request; 401 when there is none. */
export async function requestCaller(req: Request, callId: string): Promise<Caller> {
  const { env, deps } = appContext();
  return { ...(await requireParticipantCaller(deps, secretsOf(env), callId, credentialSources(req))), address: requestAddress(req) };
}

/** The signed-in account making this request, or null. */
export function requestUser(req: Request): Promise<Visitor | null> {
  return cookieUser(credentialSources(req).cookies);
}

/** The signed-in account behind these cookies (next-auth's session cookie), or null. */
export async function cookieUser(cookies: Record<string, string>): Promise<Visitor | null> {
  const { env, deps } = appContext();
  return visitorFor(deps, await sessionClaim(env.NEXTAUTH_SECRET, cookies));
}

export async function requireUser(req: Request): Promise<Visitor> {
  const user = await requestUser(req);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return user;
}
