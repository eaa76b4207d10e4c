import { MyCallsQuerySchema } from "@/lib/contracts/history";
import { appContext } from "@/lib/context";
import { requireUser } from "@/lib/http/identity";
import { handle, json, readQuery } from "@/lib/http/route";
import { listMyCalls } from "@/lib/services/call-history";

export const GET = handle(async (req) => {
  const user = await requireUser(req);
  return json(await listMyCalls(appContext().deps, user, readQuery(req, MyCallsQuerySchema)));
});
