import type { Role } from "../contracts/roles";
import { AppError } from "./errors";
import { can, refusal } from "./permissions";
import { isOnStage } from "./stage";

export type ModerationAction = "mute" | "remove" | "ban" | "dismissHand";

export interface ModerationFacts {
  actor: { id: string; role: Role };
  target: { id: string; left: boolean };
  hostId: string | null;
}

/** May this admin act on that participant? Throws AppError with the reason. */
export function checkModeration(action: ModerationAction, f: ModerationFacts): void {
  if (!can(f.actor.role, "moderate")) throw new AppError("FORBIDDEN", refusal(f.actor.role, "moderate"));
  if (f.target.left) throw new AppError("PARTICIPANT_LEFT", "That person has already left the call.");
  const removing = action === "remove" || action === "ban";
  if (removing && f.target.id === f.actor.id) throw new AppError("FORBIDDEN", "You cannot remove yourself; leave the call instead.");
  if (removing && f.target.id === f.hostId) throw new AppError("HOST_PROTECTED", "The host cannot be removed or banned from their own call.");
}

/** Only people who cannot speak yet ask to; lowering your own hand is always fine. */
export function checkRaiseHand(role: Role, raised: boolean): void {
  if (raised && can(role, "publishMicrophone")) throw new AppError("FORBIDDEN", "You can already speak; there is no need to raise your hand.");
}

/** Whom an admin may invite to speak, and as what: a speaker, or (for listeners) a chatter. */
export function checkInvite(targetRole: Role, as: Role): void {
  const allowed: Role[] = targetRole === "listener" ? ["speaker", "chatter"] : ["speaker"];
  if (!allowed.includes(as) || can(targetRole, "publishMicrophone")) {
    throw new AppError("INVALID_INPUT", `A ${targetRole} can be invited as ${allowed.join(" or ")}.`);
  }
}

/** Only someone in the audience can be invited onto the stage. */
export function checkStageInvite(targetRole: Role): void {
  if (isOnStage(targetRole)) throw new AppError("INVALID_INPUT", `A ${targetRole} is already on the stage.`);
}

export function requireModerator(role: Role): void {
  if (!can(role, "moderate")) throw new AppError("FORBIDDEN", refusal(role, "moderate"));
}
