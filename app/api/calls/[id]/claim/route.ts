import { AppError } from "@/lib/domain/errors";
import { requestIdentity } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { callIdParam, json } from "@/lib/http/route";
import { claimParticipant } from "@/lib/services/claim-participant";

export const POST = handle<{ id: string }>(async (req, params, ctx) => {
  const { caller, user } = await requestIdentity(ctx, req, callIdParam(params));
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first, then claim your guest participant.");
  if (!caller) throw new AppError("UNAUTHENTICATED", "There is no guest participant of yours in this call to claim.");
  return json({ participant: await claimParticipant(ctx.deps, caller, user) });
});
