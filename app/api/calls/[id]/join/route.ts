import { EmptySchema } from "@/lib/contracts/commands";
import { cookiesSecure, sessionCookieHeaders } from "@/lib/http/credential-cookie";
import { deviceOf } from "@/lib/http/device-cookie";
import { requestIdentity } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { requestAddress, requestAudioUrl } from "@/lib/adapters/route-input";
import { callIdParam, json, readBody } from "@/lib/http/route";
import { joinCall } from "@/lib/services/join-call";

export const POST = handle<{ id: string }>(async (req, params, ctx) => {
  const { env, deps } = ctx;
  const callId = callIdParam(params);
  // A stale call cookie (say, after the secret changed) must not lock a browser out: it cannot clear an
  // httpOnly cookie itself. Joining then simply makes a new participant. A bearer token is checked strictly.
  const { caller, user } = await requestIdentity(ctx, req, callId, !req.headers.has("authorization"));
  await readBody(req, EmptySchema); // names come from the account; guests are always pleb-<word>
  const device = deviceOf(req, cookiesSecure(env, req));
  const session = await joinCall(
    deps,
    callId,
    { returningParticipantId: caller?.participantId ?? null, user, deviceId: device.id, address: requestAddress(req) },
    requestAudioUrl(deps.audio, req),
  );
  return json(session, 200, sessionCookieHeaders(env, req, callId, session.credential, device.setCookie));
});
