import { z } from "zod";
import { isInvisible, looksLikeGuestName, textSchema } from "./text";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export const EmailSchema = z.string().trim().toLowerCase().pipe(z.email("enter a valid email address").max(254));
export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `a password can be at most ${MAX_PASSWORD_LENGTH} characters`);
export const DisplayNameSchema = textSchema()
  .trim()
  .min(1, "a display name cannot be empty")
  .max(40, "a display name can be at most 40 characters")
  .refine((n) => !isInvisible(n), "a display name needs something visible")
  .refine((n) => !looksLikeGuestName(n), "names starting with pleb- are kept for guests");

export const SignUpBodySchema = z.strictObject({ email: EmailSchema, password: PasswordSchema, name: DisplayNameSchema });
export type SignUpBody = z.infer<typeof SignUpBodySchema>;

export const SignInSchema = z.object({ email: EmailSchema, password: z.string().min(1).max(MAX_PASSWORD_LENGTH) });

export const UpdateProfileBodySchema = z.strictObject({ name: DisplayNameSchema });
export const ChangePasswordBodySchema = z.strictObject({ currentPassword: z.string().max(MAX_PASSWORD_LENGTH), newPassword: PasswordSchema });

export const UserDtoSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  isSiteAdmin: z.boolean(),
  hasPassword: z.boolean(),
});
export type UserDto = z.infer<typeof UserDtoSchema>;
