import { z } from "zod";
import { DefaultRoleSchema, RoleSchema } from "./roles";

const isoDate = z.string().datetime({ offset: true });

export const CallDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  defaultRole: DefaultRoleSchema,
  createdAt: isoDate,
  endedAt: isoDate.nullable(),
  hostName: z.string(),
  participantCount: z.number().int().nonnegative(),
  /** A locked call admits nobody new. */
  locked: z.boolean(),
  /** A recording is running: everyone sees it, and the join page says so. */
  recording: z.boolean(),
});
export type CallDto = z.infer<typeof CallDtoSchema>;

export const LiveKitAccessSchema = z.object({ url: z.string(), token: z.string() });
export type LiveKitAccess = z.infer<typeof LiveKitAccessSchema>;

/** Participant IDs are ours (UUIDs); anything else cannot name one. */
export const ParticipantIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "not a participant ID");

export const PresenceSchema = z.enum(["online", "away"]);

export const ParticipantDtoSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  kind: z.enum(["user", "guest"]),
  muted: z.boolean(),
  handRaised: z.boolean(),
  /** When the hand went up (the queue's order); null when down. */
  handRaisedAt: isoDate.nullable(),
  joinedAt: isoDate,
  /** "away" while none of the participant's connections is open. */
  presence: PresenceSchema,
  isHost: z.boolean(),
  /** Connected to the call's audio room, and publishing a microphone there. */
  inAudio: z.boolean(),
  publishing: z.boolean(),
  /** Their answer to being recorded: "yes", "no", or null (not asked yet, or no answer: not recorded). */
  recordingConsent: z.enum(["yes", "no"]).nullable(),
  /** An admin invited them to the stage and their answer is awaited (Accept / Not now). */
  stageInvited: z.boolean(),
});
export type ParticipantDto = z.infer<typeof ParticipantDtoSchema>;

/** How many people the audience holds: everyone present (`total`, away ones included), of whom `away`, and raised hands. */
export const AudienceCountSchema = z.object({
  total: z.number().int().nonnegative(),
  away: z.number().int().nonnegative(),
  hands: z.number().int().nonnegative(),
});
export type AudienceCount = z.infer<typeof AudienceCountSchema>;

/** A page of participants in a stable order; `nextCursor` fetches the next one, null on the last. */
export const ParticipantPageSchema = z.object({
  participants: z.array(ParticipantDtoSchema),
  nextCursor: z.string().nullable(),
});
export type ParticipantPage = z.infer<typeof ParticipantPageSchema>;

/** To admins, at most once a second: what changed in the audience since the last batch (each id in one list). */
export const AudienceChangesSchema = z.object({
  joined: z.array(ParticipantDtoSchema),
  updated: z.array(ParticipantDtoSchema),
  left: z.array(z.string()),
});
export type AudienceChanges = z.infer<typeof AudienceChangesSchema>;

export const MessageDtoSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  callId: z.string(),
  senderId: z.string(),
  senderName: z.string(),
  /** Empty once an admin removed the message. */
  body: z.string(),
  createdAt: isoDate,
  /** An admin removed it for everyone: shown as "removed by an admin", its text gone. */
  removed: z.boolean(),
});
export type MessageDto = z.infer<typeof MessageDtoSchema>;

export const MessagePageSchema = z.object({
  messages: z.array(MessageDtoSchema),
  nextCursor: z.string().nullable(),
});
export type MessagePage = z.infer<typeof MessagePageSchema>;

/** Every kind of moderation log entry. */
export const MODERATION_ACTIONS = [
  "role",
  "mute",
  "remove",
  "ban",
  "lock",
  "unlock",
  "default-role",
  "end",
  "recording-on",
  "recording-off",
  "recording-deleted",
  "message-removed",
] as const;

export const ModerationEntryDtoSchema = z.object({
  id: z.string(),
  callId: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  action: z.enum(MODERATION_ACTIONS),
  before: z.string().nullable(),
  after: z.string().nullable(),
  createdAt: isoDate,
});
export type ModerationEntryDto = z.infer<typeof ModerationEntryDtoSchema>;

export const ModerationPageSchema = z.object({ entries: z.array(ModerationEntryDtoSchema), nextCursor: z.string().nullable() });
export type ModerationPage = z.infer<typeof ModerationPageSchema>;
