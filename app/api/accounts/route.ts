import { SignUpBodySchema } from "@/lib/contracts/accounts";
import { appContext } from "@/lib/context";
import { handle, json, readBody, requestAddress } from "@/lib/http/route";
import { signUp } from "@/lib/services/accounts";

/** Sign-up; the browser then signs in through next-auth's credentials provider. */
export const POST = handle(async (req) => {
  const body = await readBody(req, SignUpBodySchema);
  return json({ user: await signUp(appContext().accounts, body, requestAddress(req)) }, 201);
});
