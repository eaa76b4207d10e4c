import type { Role } from "../contracts/roles";
import { allowed, refused, type Decision } from "./decision";
import { isOnStage } from "./stage";
import { can, refusal } from "./permissions";

/** Actions an admin takes on one person (role changes have their own rule: lib/domain/role-change.ts). */
export type ModerationAction = "mute" | "remove" | "ban" | "dismissHand";

export interface ModerationFacts {
  actor: { id: string; role: Role };
  target: { id: string; left: boolean };
  hostId: string | null;
}

/** Whether this role may moderate the call at all (lock, end, record, lower every hand, mute the stage). */
export function mayModerate(role: Role): Decision {
  return can(role, "moderate") ? allowed : refused("FORBIDDEN", refusal(role, "moderate"));
}

/** May this admin act on that participant? */
export function moderationDecision(action: ModerationAction, f: ModerationFacts): Decision {
  const moderator = mayModerate(f.actor.role);
  if (!moderator.ok) return moderator;
  if (f.target.left) return refused("PARTICIPANT_LEFT", "That person has already left the call.");
  const removing = action === "remove" || action === "ban";
  if (removing && f.target.id === f.actor.id) return refused("FORBIDDEN", "You cannot remove yourself; leave the call instead.");
  if (removing && f.target.id === f.hostId) return refused("HOST_PROTECTED", "The host cannot be removed or banned from their own call.");
  return allowed;
}

/** Only people who cannot speak yet ask to; lowering your own hand is always fine. */
export function raiseHandDecision(role: Role, raised: boolean): Decision {
  return raised && can(role, "publishMicrophone") ? refused("FORBIDDEN", "You can already speak; there is no need to raise your hand.") : allowed;
}

/** Only someone in the audience can be invited onto the stage. */
export function stageInviteDecision(targetRole: Role): Decision {
  return isOnStage(targetRole) ? refused("INVALID_INPUT", `A ${targetRole} is already on the stage.`) : allowed;
}

/** Whom an admin may invite to speak, and as what: a speaker, or (for listeners) a chatter. */
export function inviteDecision(targetRole: Role, as: Role): Decision {
  const roles: Role[] = targetRole === "listener" ? ["speaker", "chatter"] : ["speaker"];
  if (!roles.includes(as) || can(targetRole, "publishMicrophone")) return refused("INVALID_INPUT", `A ${targetRole} can be invited as ${roles.join(" or ")}.`);
  return allowed;
}
