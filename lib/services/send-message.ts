import type { MessageDto } from "../contracts/dto";
import { AppError } from "../domain/errors";
import { can, refusal } from "../domain/permissions";
import type { Caller, Deps } from "./deps";
import { messageDto } from "./dto";
import { addressKey, deviceKey, enforce, participantKey } from "./limits";
import { requireActiveParticipant } from "./load";

/**
 * Stores a chat message and broadcasts it. Resolves only once it is stored;
 * a resend with the same clientId returns the stored original and stores and
 * broadcasts nothing.
 */
export async function sendMessage(deps: Deps, caller: Caller, input: { clientId: string; body: string }): Promise<{ message: MessageDto; duplicate: boolean }> {
  const { self } = await requireActiveParticipant(deps.store, caller);
  if (!can(self.role, "sendChat")) throw new AppError("FORBIDDEN", refusal(self.role, "sendChat"));
  // Per browser and address too: joining again as a fresh guest must not refill the budget.
  const tooFast = "You are sending messages too fast; wait a moment.";
  await enforce(deps.limits.chat, [participantKey(self.id), deviceKey(self.deviceId)], tooFast);
  await enforce(deps.limits.chatByAddress, [addressKey(caller.address)], tooFast);
  const { message, duplicate } = await deps.store.insertMessage({
    callId: caller.callId,
    senderId: self.id,
    senderName: self.displayName,
    clientId: input.clientId,
    body: input.body,
    createdAt: deps.clock.now(),
    removedAt: null,
  });
  const dto = messageDto(message);
  if (!duplicate) deps.notifier.chatMessage(caller.callId, dto);
  return { message: dto, duplicate };
}
