import { appContext } from "@/lib/context";
import { handle, json } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  const { db, livekit } = await appContext().health();
  return json({ ok: db, db, livekit }, db ? 200 : 503);
});
