import type { Reaction } from "../contracts/reactions";
import type { Caller, Deps } from "./deps";
import { deviceKey, enforce, participantKey } from "./limits";
import { requireActiveParticipant } from "./load";

/**
 * Anyone present reacts with an emoji: counted into the call's next coalesced burst (the notifier
 * sends one event per window, however big the audience), limited per person and per browser,
 * and never stored: a reaction is a moment, not a message.
 */
export async function sendReaction(deps: Pick<Deps, "store" | "limits" | "notifier">, caller: Caller, emoji: Reaction): Promise<void> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforce(deps.limits.reactions, [participantKey(self.id), deviceKey(self.deviceId)], "You are reacting faster than this call allows; wait a moment.");
  deps.notifier.reaction(call.id, emoji);
}
