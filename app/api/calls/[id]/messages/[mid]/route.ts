import { requestCaller } from "@/lib/adapters/identity";
import { handle } from "@/lib/adapters/route";
import { requestAudioUrl } from "@/lib/adapters/route-input";
import { MessageIdSchema } from "@/lib/contracts/remove-message";
import { AppError } from "@/lib/domain/errors";
import { parseCommand } from "@/lib/http/parse";
import { callIdParam, json } from "@/lib/http/route";
import { runCommand } from "@/lib/services/commands";

/** An admin removes a message for everyone: the command `chat:remove`, with the message named by the path. */
export const DELETE = handle<{ id: string; mid: string }>(async (req, params, ctx) => {
  const caller = await requestCaller(ctx, req, callIdParam(params));
  if (!MessageIdSchema.safeParse(params.mid).success) throw new AppError("MESSAGE_NOT_FOUND", "There is no such message in this call.");
  const input = parseCommand("chat:remove", { messageId: params.mid });
  return json(await runCommand("chat:remove", ctx.deps, caller, input, { audioUrl: () => requestAudioUrl(ctx.deps.audio, req) }));
});
