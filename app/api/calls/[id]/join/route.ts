import { requestAudioUrl } from "@/lib/http/audio-url";
import { JoinCallBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { cookiesSecure, sessionCookieHeaders } from "@/lib/http/credential-cookie";
import { deviceOf } from "@/lib/http/device-cookie";
import { requestIdentity } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody, requestAddress } from "@/lib/http/route";
import { joinCall } from "@/lib/services/join-call";

export const POST = handle<{ id: string }>(async (req, params) => {
  const { env, deps } = appContext();
  const callId = callIdParam(params);
  // A stale call cookie (say, after the secret changed) must not lock a browser out: it cannot clear an
  // httpOnly cookie itself. Joining then simply makes a new participant. A bearer token is checked strictly.
  const { caller, user } = await requestIdentity(req, callId, !req.headers.has("authorization"));
  await readBody(req, JoinCallBodySchema); // display names come from the account; guests are always pleb-<word>
  const device = deviceOf(req, cookiesSecure(env, req));
  const session = await joinCall(
    deps,
    callId,
    { returningParticipantId: caller?.participantId ?? null, user, deviceId: device.id, address: requestAddress(req) },
    requestAudioUrl(req),
  );
  return json(session, 200, sessionCookieHeaders(env, req, callId, session.credential, device.setCookie));
});
