import { SignUpBodySchema } from "@/lib/contracts/accounts";
import { handle } from "@/lib/adapters/route";
import { requestAddress } from "@/lib/adapters/route-input";
import { json, readBody } from "@/lib/http/route";
import { signUp } from "@/lib/services/accounts";

/** Sign-up; the browser then signs in through next-auth's credentials provider. */
export const POST = handle(async (req, _params, ctx) => {
  const body = await readBody(req, SignUpBodySchema);
  return json({ user: await signUp(ctx.accounts, body, requestAddress(req)) }, 201);
});
