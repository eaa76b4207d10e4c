import { CreateCallBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { credentialCookie } from "@/lib/http/credential-cookie";
import { requestUser } from "@/lib/http/identity";
import { handle, json, readBody } from "@/lib/http/route";
import { createCall } from "@/lib/services/create-call";

export const POST = handle(async (req) => {
  const { env, deps, audioUrl } = appContext();
  const body = await readBody(req, CreateCallBodySchema);
  const session = await createCall(deps, body, audioUrl(new URL(req.url), req.headers.get("x-forwarded-proto")), await requestUser(req));
  return json(session, 201, { "Set-Cookie": credentialCookie(env, req, session.call.id, session.credential) });
});
