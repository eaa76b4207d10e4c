import { z } from "zod";

/** A chat message's id as the API gives it (a decimal string). */
export const MessageIdSchema = z.string().regex(/^[1-9]\d{0,14}$/, "not a message ID");

/** `chat:remove` (admins): remove a message for everyone. */
export const MessageRemoveSchema = z.strictObject({ messageId: MessageIdSchema });
