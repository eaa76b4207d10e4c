import { EmptySchema } from "../contracts/commands";
import { cookiesSecure, sessionCookieHeaders } from "../http/credential-cookie";
import { deviceOf } from "../http/device-cookie";
import { requestIdentity } from "./identity";
import { handle } from "./route";
import { requestAddress, requestAudioUrl } from "./route-input";
import { callIdParam, json, readBody } from "../http/route";
import { joinCall } from "../services/join-call";

/** `POST /api/calls/:id/join`: served by the fast lane (fast-lane.ts) and, should a request reach Next, by its route. */
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
