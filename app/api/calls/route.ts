import { CreateCallBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { credentialCookie } from "@/lib/http/credential-cookie";
import { handle, json, readBody } from "@/lib/http/route";
import { createCall } from "@/lib/services/create-call";

export const POST = handle(async (req) => {
  const { env, deps, audioUrl } = appContext();
  const mediaUrl = audioUrl(new URL(req.url), req.headers.get("x-forwarded-proto"));
  const session = await createCall(deps, await readBody(req, CreateCallBodySchema), mediaUrl);
  return json(session, 201, { "Set-Cookie": credentialCookie(env, req, session.call.id, session.credential) });
});
