import { handle } from "@/lib/adapters/route";
import { json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = handle(async (_req, _params, ctx) => {
  const { db, livekit, draining } = await ctx.health();
  // A draining node says so, and the load balancer sends newcomers elsewhere.
  const ok = db && !draining;
  return json({ ok, db, livekit, draining }, ok ? 200 : 503);
});
