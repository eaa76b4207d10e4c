import { z } from "zod";
import { textSchema } from "./text";
import { CallDtoSchema, LiveKitAccessSchema, ParticipantDtoSchema } from "./dto";
import { DefaultRoleSchema } from "./roles";

export const MAX_TITLE_LENGTH = 120;

export const CreateCallBodySchema = z.strictObject({
  defaultRole: DefaultRoleSchema,
  title: textSchema().trim().max(MAX_TITLE_LENGTH, `a title can be at most ${MAX_TITLE_LENGTH} characters`).optional(),
});
export type CreateCallBody = z.infer<typeof CreateCallBodySchema>;

export const MESSAGE_PAGE_DEFAULT = 50;
export const MESSAGE_PAGE_MAX = 200;
export const MessagesQuerySchema = z.strictObject({
  before: z
    .string()
    .regex(/^\d{1,15}$/, "before is a cursor returned as nextCursor")
    .optional(),
  limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_MAX).default(MESSAGE_PAGE_DEFAULT),
});
export type MessagesQuery = z.infer<typeof MessagesQuerySchema>;

export const PARTICIPANT_PAGE_DEFAULT = 50;
export const PARTICIPANT_PAGE_MAX = 100;
/**
 * GET /participants: a page of the audience (everyone who may see the call),
 * searched by name, or of the hand queue (admins). The cursor is opaque.
 */
export const ParticipantsQuerySchema = z.strictObject({
  group: z.enum(["audience", "hands"]).default("audience"),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "cursor is a value returned as nextCursor")
    .optional(),
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(PARTICIPANT_PAGE_MAX).default(PARTICIPANT_PAGE_DEFAULT),
});
export type ParticipantsQuery = z.infer<typeof ParticipantsQuerySchema>;

export const SessionResponseSchema = z.object({
  call: CallDtoSchema,
  participant: ParticipantDtoSchema,
  credential: z.string(),
  /** Null when the call's audio is unavailable for this person. */
  livekit: LiveKitAccessSchema.nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const CallResponseSchema = z.object({ call: CallDtoSchema, participants: z.array(ParticipantDtoSchema) });
export type CallResponse = z.infer<typeof CallResponseSchema>;
