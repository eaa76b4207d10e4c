import type { Role } from "../contracts/roles";

/**
 * A call is a small stage (admins and speakers, who can talk) and a possibly
 * huge audience (chatters and listeners). Everything about the stage is live
 * for everyone; the audience is a count and pages. Server and browser both
 * decide "stage or audience" here, so they can never disagree.
 */
export type Group = "stage" | "audience";

export function groupOf(role: Role): Group {
  return role === "admin" || role === "speaker" ? "stage" : "audience";
}

export const isOnStage = (role: Role): boolean => groupOf(role) === "stage";

/** The roles of a group, for queries. */
export const rolesOf = (group: Group): Role[] => (group === "stage" ? ["admin", "speaker"] : ["chatter", "listener"]);
