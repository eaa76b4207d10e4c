import { MessageIdSchema } from "@/lib/contracts/remove-message";
import { appContext } from "@/lib/context";
import { AppError } from "@/lib/domain/errors";
import { requestCaller } from "@/lib/http/identity";
import { callIdParam, handle, json } from "@/lib/http/route";
import { removeMessage } from "@/lib/services/remove-message";

/** An admin removes a message for everyone. */
export const DELETE = handle<{ id: string; mid: string }>(async (req, params) => {
  const caller = await requestCaller(req, callIdParam(params));
  if (!MessageIdSchema.safeParse(params.mid).success) throw new AppError("MESSAGE_NOT_FOUND", "There is no such message in this call.");
  return json({ message: await removeMessage(appContext().deps, caller, params.mid) });
});
