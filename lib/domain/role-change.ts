import type { Role } from "../contracts/roles";
import { allowed, refused, type Decision } from "./decision";
import { mayModerate } from "./moderation";

export interface RoleChangeFacts {
  actor: { id: string; role: Role };
  target: { id: string; role: Role; left: boolean };
  hostId: string | null;
  /** Admins currently in the call (not left), the actor included. */
  presentAdminCount: number;
}

/** May this admin give that participant some other role than the one they have? */
export function mayChangeRoleOf(f: RoleChangeFacts): Decision {
  const moderator = mayModerate(f.actor.role);
  if (!moderator.ok) return moderator;
  if (f.target.left) return refused("PARTICIPANT_LEFT", "That person has left the call.");
  const self = f.actor.id === f.target.id;
  if (f.target.id === f.hostId && !self) return refused("HOST_PROTECTED", "The host's role can only be changed by the host.");
  if (self && f.target.role === "admin" && f.presentAdminCount <= 1) return roleChangeRefusal("last-admin");
  return allowed;
}

/** May this admin give that participant `newRole`? Giving the role they have is allowed (and changes nothing). */
export function roleChangeDecision(f: RoleChangeFacts & { newRole: Role }): Decision {
  if (f.target.role !== f.newRole) return mayChangeRoleOf(f);
  const moderator = mayModerate(f.actor.role);
  if (!moderator.ok) return moderator;
  return f.target.left ? refused("PARTICIPANT_LEFT", "That person has left the call.") : allowed;
}

/** Roles rank so that a move up is a promotion. */
const RANK: Record<Role, number> = { listener: 0, chatter: 1, speaker: 2, admin: 3 };

/** A promotion answers a raised hand, so it lowers it; a demotion or a move sideways leaves it up. */
export const roleChangeLowersHand = (from: Role, to: Role): boolean => RANK[to] > RANK[from];

/**
 * The store re-checks at the moment of writing what another admin may have changed since the decision
 * above: that the actor is still an admin, and that the call keeps one (two admins stepping down at once).
 */
export function roleChangeRefusal(reason: "actor-not-admin" | "last-admin"): Decision {
  return reason === "last-admin"
    ? refused("LAST_ADMIN", "You are the last admin here; make someone else admin before stepping down.")
    : refused("FORBIDDEN", "You are no longer an admin of this call.");
}
