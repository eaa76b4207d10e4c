import { UpdateProfileBodySchema } from "@/lib/contracts/accounts";
import { appContext } from "@/lib/context";
import { requireUser } from "@/lib/http/identity";
import { handle, json, readBody } from "@/lib/http/route";
import { updateProfile } from "@/lib/services/accounts";

export const POST = handle(async (req) => {
  const user = await requireUser(req);
  const { name } = await readBody(req, UpdateProfileBodySchema);
  return json({ user: await updateProfile(appContext().accounts, user.id, name) });
});
