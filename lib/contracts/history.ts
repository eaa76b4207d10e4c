import { z } from "zod";
import { textSchema } from "./text";
import { CallDtoSchema, MessageDtoSchema } from "./dto";
import { RoleSchema } from "./roles";

const isoDate = z.string().datetime({ offset: true });

export const MY_CALLS_PAGE_MAX = 50;
export const MyCallsQuerySchema = z.strictObject({
  status: z.enum(["live", "ended", "all"]).default("all"),
  q: textSchema().trim().max(120).optional(),
  cursor: textSchema().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MY_CALLS_PAGE_MAX).default(20),
});
export type MyCallsQuery = z.infer<typeof MyCallsQuerySchema>;

export const MyCallSchema = z.object({
  call: CallDtoSchema,
  /** The role this user holds (or last held) in it. */
  role: RoleSchema,
  /** Everyone who was ever in the call (`call.participantCount` counts those present now). */
  everyoneCount: z.number().int().nonnegative(),
  joinedAt: isoDate,
  live: z.boolean(),
  /** Until now for a live call. */
  durationMs: z.number().int().nonnegative(),
});
export const MyCallsPageSchema = z.object({ calls: z.array(MyCallSchema), nextCursor: z.string().nullable() });
export type MyCallsPage = z.infer<typeof MyCallsPageSchema>;

export const HistoryParticipantSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  /** The guest name they joined under before claiming the seat with their account; null otherwise. */
  guestName: z.string().nullable(),
  kind: z.enum(["user", "guest"]),
  isHost: z.boolean(),
  joinedAt: isoDate,
  leftAt: isoDate.nullable(),
  roles: z.array(z.object({ role: RoleSchema, from: isoDate, until: isoDate.nullable() })),
});

export const CallHistorySchema = z.object({
  call: CallDtoSchema,
  startedAt: isoDate,
  endedAt: isoDate.nullable(),
  durationMs: z.number().int().nonnegative(),
  participants: z.array(HistoryParticipantSchema),
  /** The newest page of the transcript, oldest first; older pages through ?before=nextCursor. */
  messages: z.array(MessageDtoSchema),
  nextCursor: z.string().nullable(),
});
export type CallHistory = z.infer<typeof CallHistorySchema>;
