import { MyCallsQuerySchema } from "@/lib/contracts/history";
import { requireUser } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { json, readQuery } from "@/lib/http/route";
import { listMyCalls } from "@/lib/services/call-history";

export const GET = handle(async (req, _params, ctx) => {
  const user = await requireUser(ctx, req);
  return json(await listMyCalls(ctx.deps, user, readQuery(req, MyCallsQuerySchema)));
});
