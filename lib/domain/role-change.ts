import type { Role } from "../contracts/roles";
import { AppError } from "./errors";
import { can, refusal } from "./permissions";

export interface RoleChangeFacts {
  actor: { id: string; role: Role };
  target: { id: string; role: Role; left: boolean };
  newRole: Role;
  hostId: string | null;
  /** Admins currently in the call (not left), the actor included. */
  presentAdminCount: number;
}

/**
 * Decides whether an admin may give a participant a role. Throws AppError with
 * the reason; returns whether anything changes.
 */
export function checkRoleChange(f: RoleChangeFacts): { changed: boolean } {
  if (!can(f.actor.role, "moderate")) throw new AppError("FORBIDDEN", refusal(f.actor.role, "moderate"));
  if (f.target.left) throw new AppError("PARTICIPANT_LEFT", "That person has left the call.");
  if (f.target.role === f.newRole) return { changed: false };
  const self = f.actor.id === f.target.id;
  if (f.target.id === f.hostId && !self) {
    throw new AppError("HOST_PROTECTED", "The host's role can only be changed by the host.");
  }
  if (self && f.target.role === "admin" && f.presentAdminCount <= 1) throw roleChangeRefused("last-admin");
  return { changed: true };
}

/**
 * The store re-checks at the moment of writing what another admin may have changed since the check
 * above: that the actor is still an admin, and that the call keeps one (two admins stepping down at once).
 */
export function roleChangeRefused(reason: "actor-not-admin" | "last-admin"): AppError {
  return reason === "last-admin"
    ? new AppError("LAST_ADMIN", "You are the last admin here; make someone else admin before stepping down.")
    : new AppError("FORBIDDEN", "You are no longer an admin of this call.");
}
