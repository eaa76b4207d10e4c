import type { MessageDto } from "../contracts/dto";
import { AppError } from "../domain/errors";
import { can, refusal } from "../domain/permissions";
import type { Caller, Deps } from "./deps";
import { messageDto } from "./dto";
import { requireActiveParticipant } from "./load";

/**
 * Stores a chat message and broadcasts it. Resolves only once it is stored;
 * a resend with the same clientId returns the stored original and stores and
 * broadcasts nothing.
 */
export async function sendMessage(
  deps: Deps,
  caller: Caller,
  input: { clientId: string; body: string },
): Promise<{ message: MessageDto; duplicate: boolean }> {
  const { self } = await requireActiveParticipant(deps.store, caller);
  if (!can(self.role, "sendChat")) throw new AppError("FORBIDDEN", refusal(self.role, "sendChat"));
  const limit = deps.chatLimiter.take(self.id);
  if (!limit.allowed) {
    throw new AppError("RATE_LIMITED", "You are sending messages too fast; wait a moment.", { retryAfterMs: limit.retryAfterMs });
  }
  const { message, duplicate } = await deps.store.insertMessage({
    callId: caller.callId,
    senderId: self.id,
    senderName: self.displayName,
    clientId: input.clientId,
    body: input.body,
    createdAt: deps.clock.now(),
  });
  const dto = messageDto(message);
  if (!duplicate) deps.notifier.chatMessage(caller.callId, dto);
  return { message: dto, duplicate };
}
