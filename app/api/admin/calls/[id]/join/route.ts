import { requestAudioUrl } from "@/lib/http/audio-url";
import { appContext } from "@/lib/context";
import { cookiesSecure, sessionCookieHeaders } from "@/lib/http/credential-cookie";
import { deviceOf } from "@/lib/http/device-cookie";
import { callIdParam, handle, json } from "@/lib/http/route";
import { requestSiteAdmin } from "@/lib/http/site-admin";
import { joinAsAdmin } from "@/lib/services/site-admin";

/** Joins the call as an admin of it; the browser then opens /call/<id> as usual. */
export const POST = handle<{ id: string }>(async (req, params) => {
  const { env, deps } = appContext();
  const admin = await requestSiteAdmin(req);
  const callId = callIdParam(params);
  const session = await joinAsAdmin(deps, admin, callId, requestAudioUrl(req));
  return json(session, 200, sessionCookieHeaders(env, req, callId, session.credential, deviceOf(req, cookiesSecure(env, req)).setCookie));
});
