import { ChangePasswordBodySchema } from "@/lib/contracts/accounts";
import { appContext } from "@/lib/context";
import { requireUser } from "@/lib/http/identity";
import { handle, readBody } from "@/lib/http/route";
import { changePassword } from "@/lib/services/accounts";

export const POST = handle(async (req) => {
  const user = await requireUser(req);
  const body = await readBody(req, ChangePasswordBodySchema);
  await changePassword(appContext().accounts, user.id, body.currentPassword, body.newPassword);
  return new Response(null, { status: 204 });
});
