import { requireUser } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { json } from "@/lib/http/route";
import { myAccount } from "@/lib/services/accounts";

export const GET = handle(async (req, _params, ctx) => {
  return json({ user: await myAccount(ctx.accounts, (await requireUser(ctx, req)).id) });
});
