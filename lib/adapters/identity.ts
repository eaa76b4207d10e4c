import { sessionClaim } from "../auth/session";
import type { AppContext } from "../context";
import { AppError } from "../domain/errors";
import type { Visitor } from "../services/admit-participant";
import type { Caller } from "../services/deps";
import { visitorFor } from "../services/visitors";
import { identify, requireParticipantCaller, secretsOf, type Identity } from "./identify-request";
import { credentialSources, requestAddress } from "./route-input";

/** Who is asking about `callId` (participant credential and/or session); `lenient` ignores a bad credential. */
export async function requestIdentity(ctx: AppContext, req: Request, callId: string, lenient = false): Promise<Identity> {
  const identity = await identify(ctx.deps, secretsOf(ctx.env), callId, credentialSources(req), lenient);
  return { ...identity, caller: identity.caller && { ...identity.caller, address: requestAddress(req) } };
}

/** The participant making this request; 401 when there is none. */
export async function requestCaller(ctx: AppContext, req: Request, callId: string): Promise<Caller> {
  return { ...(await requireParticipantCaller(ctx.deps, secretsOf(ctx.env), callId, credentialSources(req))), address: requestAddress(req) };
}

/** The signed-in account making this request, or null. */
export function requestUser(ctx: AppContext, req: Request): Promise<Visitor | null> {
  return cookieUser(ctx, credentialSources(req).cookies);
}

/** The signed-in account behind these cookies (next-auth's session cookie), or null. */
async function cookieUser(ctx: AppContext, cookies: Record<string, string>): Promise<Visitor | null> {
  return visitorFor(ctx.deps, await sessionClaim(ctx.env.NEXTAUTH_SECRET, cookies));
}

export async function requireUser(ctx: AppContext, req: Request): Promise<Visitor> {
  const user = await requestUser(ctx, req);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return user;
}
