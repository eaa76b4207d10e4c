import { z } from "zod";
import { ModerationEntryDtoSchema } from "./dto";

const isoDate = z.string().datetime({ offset: true });

/** Start (`true`) or stop (`false`) recording the call: REST body and socket payload alike. */
export const RecordingSetSchema = z.strictObject({ on: z.boolean() });
/** A participant's answer to "Include your voice in the recording?". */
export const ConsentSetSchema = z.strictObject({ consent: z.enum(["yes", "no"]) });

/** `download=1` asks for the file as an attachment (admins of the call and site admins). */
export const RecordingFileQuerySchema = z.strictObject({ download: z.enum(["0", "1"]).optional() });

export const RecordingStatusSchema = z.enum(["recording", "stopped", "interrupted", "deleted"]);

export const RecordingDtoSchema = z.object({
  id: z.string(),
  callId: z.string(),
  /** "interrupted": the server stopped while recording; the file holds what came before. */
  status: RecordingStatusSchema,
  startedAt: isoDate,
  endedAt: isoDate.nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  deletedAt: isoDate.nullable(),
  /** Where the audio element reads the file (ranges supported); null once deleted. */
  audioUrl: z.string().nullable(),
});
export type RecordingDto = z.infer<typeof RecordingDtoSchema>;

/** One thing on a replay's timeline, `atMs` after the recording started. */
export const TimelineItemSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("speech"), atMs: z.number(), endMs: z.number(), participantId: z.string(), name: z.string() }),
  z.object({ kind: z.literal("message"), atMs: z.number(), messageId: z.string(), name: z.string(), body: z.string() }),
  z.object({ kind: z.literal("event"), atMs: z.number(), entry: ModerationEntryDtoSchema }),
  /** A hand up or down; `by`: the admin who lowered it (null: the person themselves). */
  z.object({ kind: z.literal("hand"), atMs: z.number(), participantId: z.string(), name: z.string(), raised: z.boolean(), by: z.string().nullable() }),
]);
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const ReplaySchema = z.object({
  recording: RecordingDtoSchema,
  timeline: z.array(TimelineItemSchema),
});
export type Replay = z.infer<typeof ReplaySchema>;

export const ReplaysSchema = z.object({
  replays: z.array(ReplaySchema),
  /** The viewer may download and delete (an admin of the call or a site admin). */
  canManage: z.boolean(),
});
export type Replays = z.infer<typeof ReplaysSchema>;

/** A recording's id in a path. */
export const RecordingIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
