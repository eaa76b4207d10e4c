import { cookiesSecure, sessionCookieHeaders } from "@/lib/http/credential-cookie";
import { deviceOf } from "@/lib/http/device-cookie";
import { handle } from "@/lib/adapters/route";
import { requestAudioUrl } from "@/lib/adapters/route-input";
import { callIdParam, json } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/adapters/site-admin";
import { joinAsAdmin } from "@/lib/services/site-admin";

/** Joins the call as an admin of it; the browser then opens /call/<id> as usual. */
export const POST = handle<{ id: string }>(async (req, params, ctx) => {
  const { env, deps } = ctx;
  const admin = await requestSiteAdmin(ctx, req);
  const callId = callIdParam(params);
  const session = await joinAsAdmin(deps, admin, callId, requestAudioUrl(deps.audio, req));
  return json(session, 200, sessionCookieHeaders(env, req, callId, session.credential, deviceOf(req, cookiesSecure(env, req)).setCookie));
});
