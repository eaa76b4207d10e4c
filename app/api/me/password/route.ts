import { ChangePasswordBodySchema } from "@/lib/contracts/accounts";
import { requireUser } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { readBody } from "@/lib/http/route";
import { changePassword } from "@/lib/services/accounts";

export const POST = handle(async (req, _params, ctx) => {
  const user = await requireUser(ctx, req);
  const body = await readBody(req, ChangePasswordBodySchema);
  await changePassword(ctx.accounts, user.id, body.currentPassword, body.newPassword);
  return new Response(null, { status: 204 });
});
