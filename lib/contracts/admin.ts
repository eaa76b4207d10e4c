import { z } from "zod";
import { textSchema } from "./text";
import { UserDtoSchema } from "./accounts";
import { CallDtoSchema } from "./dto";

export const AdminCallsQuerySchema = z.strictObject({
  status: z.enum(["live", "ended", "all"]).default("live"),
  q: textSchema().trim().max(120).optional(),
  cursor: textSchema().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminCallsQuery = z.infer<typeof AdminCallsQuerySchema>;

export const AdminCallsPageSchema = z.object({ calls: z.array(CallDtoSchema), nextCursor: z.string().nullable() });
export type AdminCallsPage = z.infer<typeof AdminCallsPageSchema>;

export const AdminUsersQuerySchema = z.strictObject({
  q: textSchema().trim().max(120).optional(),
  cursor: textSchema().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminUsersQuery = z.infer<typeof AdminUsersQuerySchema>;

export const AdminUserSchema = UserDtoSchema.extend({ disabled: z.boolean(), createdAt: z.string() });
export type AdminUser = z.infer<typeof AdminUserSchema>;
export const AdminUsersPageSchema = z.object({ users: z.array(AdminUserSchema), nextCursor: z.string().nullable() });
export type AdminUsersPage = z.infer<typeof AdminUsersPageSchema>;

export const SetDisabledBodySchema = z.strictObject({ disabled: z.boolean() });
