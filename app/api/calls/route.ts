import { CreateCallBodySchema } from "@/lib/contracts/rest";
import { cookiesSecure, sessionCookieHeaders } from "@/lib/http/credential-cookie";
import { deviceOf } from "@/lib/http/device-cookie";
import { requestUser } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { requestAddress, requestAudioUrl } from "@/lib/adapters/route-input";
import { json, readBody } from "@/lib/http/route";
import { createCall } from "@/lib/services/create-call";

export const POST = handle(async (req, _params, ctx) => {
  const { env, deps } = ctx;
  const body = await readBody(req, CreateCallBodySchema);
  const device = deviceOf(req, cookiesSecure(env, req));
  const session = await createCall(deps, body, requestAudioUrl(deps.audio, req), {
    user: await requestUser(ctx, req),
    deviceId: device.id,
    address: requestAddress(req),
  });
  return json(session, 201, sessionCookieHeaders(env, req, session.call.id, session.credential, device.setCookie));
});
