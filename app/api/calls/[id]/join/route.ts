import { JoinCallBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { credentialCookie } from "@/lib/http/credential-cookie";
import { requestIdentity } from "@/lib/http/identity";
import { callIdParam, handle, json, readBody } from "@/lib/http/route";
import { joinCall } from "@/lib/services/join-call";

export const POST = handle<{ id: string }>(async (req, params) => {
  const { env, deps, audioUrl } = appContext();
  const callId = callIdParam(params);
  const { caller, user } = await requestIdentity(req, callId);
  await readBody(req, JoinCallBodySchema); // display names come from the account; guests are always pleb-<word>
  const session = await joinCall(deps, callId, { returningParticipantId: caller?.participantId ?? null, user }, audioUrl(new URL(req.url), req.headers.get("x-forwarded-proto")));
  return json(session, 200, { "Set-Cookie": credentialCookie(env, req, callId, session.credential) });
});
