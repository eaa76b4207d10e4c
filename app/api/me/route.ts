import { appContext } from "@/lib/context";
import { requireUser } from "@/lib/http/identity";
import { handle, json } from "@/lib/http/route";
import { myAccount } from "@/lib/services/accounts";

export const GET = handle(async (req) => {
  return json({ user: await myAccount(appContext().accounts, (await requireUser(req)).id) });
});
