import { appContext } from "@/lib/context";
import { requireUser } from "@/lib/http/identity";
import { handle, json } from "@/lib/http/route";
import { userDto } from "@/lib/services/accounts";

export const GET = handle(async (req) => {
  const { deps, accounts } = appContext();
  const user = await deps.users.findUser((await requireUser(req)).id);
  return json({ user: userDto(user!, accounts.adminEmails) });
});
