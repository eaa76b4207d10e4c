import { z } from "zod";

export const ROLES = ["listener", "chatter", "speaker", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Roles a host may give newcomers; admin is only ever granted by an admin. */
export const DefaultRoleSchema = z.enum(["listener", "chatter", "speaker"]);
export type DefaultRole = z.infer<typeof DefaultRoleSchema>;
