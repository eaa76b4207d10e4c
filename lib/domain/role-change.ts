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
  if (self && f.target.role === "admin" && f.presentAdminCount <= 1) {
    throw new AppError("LAST_ADMIN", "You are the last admin here; make someone else admin before stepping down.");
  }
  return { changed: true };
}
