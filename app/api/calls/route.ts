import { requestAudioUrl } from "@/lib/http/audio-url";
import { CreateCallBodySchema } from "@/lib/contracts/rest";
import { appContext } from "@/lib/context";
import { cookiesSecure, sessionCookieHeaders } from "@/lib/http/credential-cookie";
import { deviceOf } from "@/lib/http/device-cookie";
import { requestUser } from "@/lib/http/identity";
import { handle, json, readBody, requestAddress } from "@/lib/http/route";
import { createCall } from "@/lib/services/create-call";

export const POST = handle(async (req) => {
  const { env, deps } = appContext();
  const body = await readBody(req, CreateCallBodySchema);
  const device = deviceOf(req, cookiesSecure(env, req));
  const session = await createCall(deps, body, requestAudioUrl(req), {
    user: await requestUser(req),
    deviceId: device.id,
    address: requestAddress(req),
  });
  return json(session, 201, sessionCookieHeaders(env, req, session.call.id, session.credential, device.setCookie));
});
