import type { Role } from "../contracts/roles";
import { AppError } from "./errors";
import { can, refusal } from "./permissions";

export type ModerationAction = "mute" | "remove";

export interface ModerationFacts {
  actor: { id: string; role: Role };
  target: { id: string; left: boolean };
  hostId: string | null;
}

/** May this admin mute or remove that participant? Throws AppError with the reason. */
export function checkModeration(action: ModerationAction, f: ModerationFacts): void {
  if (!can(f.actor.role, "moderate")) throw new AppError("FORBIDDEN", refusal(f.actor.role, "moderate"));
  if (f.target.left) throw new AppError("PARTICIPANT_LEFT", "That person has already left the call.");
  if (action === "remove" && f.target.id === f.actor.id) {
    throw new AppError("FORBIDDEN", "You cannot remove yourself; leave the call instead.");
  }
  if (action === "remove" && f.target.id === f.hostId) throw new AppError("HOST_PROTECTED", "The host cannot be removed from their own call.");
}
