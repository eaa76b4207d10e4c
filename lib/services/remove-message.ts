import type { MessageDto } from "../contracts/dto";
import { AppError } from "../domain/errors";
import { enforce } from "../domain/decision";
import { mayModerate } from "../domain/moderation";
import type { Caller, Deps } from "./deps";
import { messageDto } from "./dto";
import { enforceModeration } from "./limits";
import { requireActiveParticipant } from "./load";
import { announceEntries } from "./moderation-log";

/**
 * An admin removes a chat message: it disappears for everyone at once (clients get it again,
 * removed, its text gone; the transcript says "removed by an admin"), and the moderation log
 * records who removed whose message. Removing it again changes and logs nothing.
 */
export async function removeMessage(deps: Deps, caller: Caller, messageId: string): Promise<MessageDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  enforce(mayModerate(self.role));
  await enforceModeration(deps.limits, caller);
  const removed = await deps.moderation.removeMessage(call.id, { id: self.id, name: self.displayName }, Number(messageId), deps.clock.now());
  if (!removed) throw new AppError("MESSAGE_NOT_FOUND", "There is no such message in this call.");
  const dto = messageDto(removed.message);
  if (removed.entry) {
    deps.notifier.messageRemoved(call.id, dto);
    await announceEntries(deps, call.id, [removed.entry]);
  }
  return dto;
}
