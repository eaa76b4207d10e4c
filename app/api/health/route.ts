import { appContext } from "@/lib/context";
import { handle, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  const { db, livekit, draining } = await appContext().health();
  // A draining node says so, and the load balancer sends newcomers elsewhere.
  const ok = db && !draining;
  return json({ ok, db, livekit, draining }, ok ? 200 : 503);
});
