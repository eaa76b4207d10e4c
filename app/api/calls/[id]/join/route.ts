import { JoinCallBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { cookiesSecure, sessionCookieHeaders } from "@/lib/http/credential-cookie";
import { deviceOf } from "@/lib/http/device-cookie";
import { requestIdentity } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { joinCall } from "@/lib/services/join-call";

export const POST = handle<{ id: string }>(async (req, params) => {
  const { env, deps, audioUrl } = appContext();
  const callId = callIdParam(params);
  const { caller, user } = await requestIdentity(req, callId);
  await readBody(req, JoinCallBodySchema); // display names come from the account; guests are always pleb-<word>
  const device = deviceOf(req, cookiesSecure(env, req));
  const session = await joinCall(
    deps,
    callId,
    { returningParticipantId: caller?.participantId ?? null, user, deviceId: device.id },
    audioUrl(new URL(req.url), req.headers.get("x-forwarded-proto")),
  );
  return json(session, 200, sessionCookieHeaders(env, req, callId, session.credential, device.setCookie));
});
