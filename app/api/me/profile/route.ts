import { UpdateProfileBodySchema } from "@/lib/contracts/accounts";
import { requireUser } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { json, readBody } from "@/lib/http/route";
import { updateProfile } from "@/lib/services/accounts";

export const POST = handle(async (req, _params, ctx) => {
  const user = await requireUser(ctx, req);
  const { name } = await readBody(req, UpdateProfileBodySchema);
  return json({ user: await updateProfile(ctx.accounts, user.id, name) });
});
