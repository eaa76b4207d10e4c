import { identifyCaller } from "@/lib/auth/identify";
import { JoinCallBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { credentialCookie } from "@/lib/http/credential-cookie";
import { callIdParam, credentialSources, handle, json, readBody } from "@/lib/http/route";
import { joinCall } from "@/lib/services/join-call";

export const POST = handle<{ id: string }>(async (req, params) => {
  const { env, deps, audioUrl } = appContext();
  const mediaUrl = audioUrl(new URL(req.url), req.headers.get("x-forwarded-proto"));
  const callId = callIdParam(params);
  const returning = identifyCaller(env.EARSHOT_SECRET, callId, credentialSources(req));
  await readBody(req, JoinCallBodySchema); // displayName is for signed-in users; guests are always pleb-<word>
  const session = await joinCall(deps, callId, returning?.participantId ?? null, mediaUrl);
  return json(session, 200, { "Set-Cookie": credentialCookie(env, req, callId, session.credential) });
});
