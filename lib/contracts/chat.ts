import { z } from "zod";
import { textSchema } from "./text";

export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_CLIENT_ID_LENGTH = 64;

/** The body a person typed: trimmed, then 1..2000 characters. */
export const MessageBodySchema = textSchema()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "a message cannot be empty").max(MAX_MESSAGE_LENGTH, `a message can be at most ${MAX_MESSAGE_LENGTH} characters`));

export const ClientIdSchema = z
  .string()
  .min(1)
  .max(MAX_CLIENT_ID_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, "clientId may hold letters, digits, - and _");
