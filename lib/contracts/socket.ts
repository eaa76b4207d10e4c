import { z } from "zod";
import type { Reaction, ReactionBurst } from "./reactions";
import { ClientIdSchema, MessageBodySchema } from "./chat";
import type { AudienceChanges, AudienceCount, CallDto, LiveKitAccess, MessageDto, ModerationEntryDto, ParticipantDto, ParticipantPage } from "./dto";
import type { ErrorCode } from "./errors";
import { DefaultRoleSchema, RoleSchema } from "./roles";
import { ParticipantIdSchema } from "./dto";

export const ChatSendSchema = z.strictObject({ clientId: ClientIdSchema, body: MessageBodySchema });
export const MuteSetSchema = z.strictObject({ muted: z.boolean() });
export const HandSetSchema = z.strictObject({ raised: z.boolean() });
export const RoleSetSchema = z.strictObject({ participantId: ParticipantIdSchema, role: RoleSchema });

/** An admin action aimed at one participant. */
export const ParticipantTargetSchema = z.strictObject({ participantId: ParticipantIdSchema });
export type ParticipantTarget = z.infer<typeof ParticipantTargetSchema>;
export const RemoveSchema = z.strictObject({ participantId: ParticipantIdSchema, ban: z.boolean().optional() });
export const InviteSchema = z.strictObject({ participantId: ParticipantIdSchema, as: z.enum(["speaker", "chatter"]) });
export const LockSchema = z.strictObject({ locked: z.boolean() });
export const DefaultRoleSetSchema = z.strictObject({ role: DefaultRoleSchema });
export const EmptySchema = z.strictObject({});

export type ChatSend = z.input<typeof ChatSendSchema>;
export type MuteSet = z.infer<typeof MuteSetSchema>;
export type HandSet = z.infer<typeof HandSetSchema>;
export type RoleSet = z.infer<typeof RoleSetSchema>;

export type AckError = { ok: false; error: { code: ErrorCode; message: string; retryAfterMs?: number } };
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;
export type AckFn<T extends object = object> = (res: Ack<T>) => void;

/**
 * The snapshot a connection renders from. Its size does not grow with the
 * audience: the whole stage, but only a count and the first page of the audience.
 */
export interface CallState {
  call: CallDto;
  self: ParticipantDto;
  /** Admins and speakers present, in join order. */
  stage: ParticipantDto[];
  audience: { count: AudienceCount } & ParticipantPage;
  /** Admins only: the hand queue's first page, oldest hand first; null for everyone else (they see `audience.count.hands`). */
  hands: ParticipantPage | null;
  /** The newest page of chat, oldest first. */
  messages: MessageDto[];
  /** Cursor for GET /messages?before= to load older pages; null when there are none. */
  nextCursor: string | null;
}

export interface ClientToServerEvents {
  "chat:send": (payload: ChatSend, ack: AckFn<{ message: MessageDto; duplicate: boolean }>) => void;
  "mute:set": (payload: MuteSet, ack: AckFn<{ participant: ParticipantDto }>) => void;
  "hand:set": (payload: HandSet, ack: AckFn<{ participant: ParticipantDto }>) => void;
  "role:set": (payload: RoleSet, ack: AckFn<{ participant: ParticipantDto }>) => void;
  "participant:mute": (payload: ParticipantTarget, ack: AckFn<{ participant: ParticipantDto }>) => void;
  "participant:remove": (payload: z.infer<typeof RemoveSchema>, ack: AckFn) => void;
  "participants:mute-all": (payload: Record<string, never>, ack: AckFn) => void;
  "hand:invite": (payload: z.infer<typeof InviteSchema>, ack: AckFn<{ participant: ParticipantDto }>) => void;
  "hand:dismiss": (payload: ParticipantTarget, ack: AckFn<{ participant: ParticipantDto }>) => void;
  "hands:lower-all": (payload: Record<string, never>, ack: AckFn) => void;
  "call:lock": (payload: z.infer<typeof LockSchema>, ack: AckFn<{ call: CallDto }>) => void;
  "call:default-role": (payload: z.infer<typeof DefaultRoleSetSchema>, ack: AckFn<{ call: CallDto }>) => void;
  "call:end": (payload: Record<string, never>, ack: AckFn) => void;
  /** A fresh media-server token for the connection's own participant, grants from the current role (as join's `livekit`). */
  "audio:token": (payload: Record<string, never>, ack: AckFn<{ livekit: LiveKitAccess | null }>) => void;
  /** Admins: start (`on: true`) or stop recording, as POST /recording. */
  "recording:set": (payload: { on: boolean }, ack: AckFn<{ call: CallDto }>) => void;
  /** Admins: ask someone in the audience onto the stage (a raised hand is promoted at once), as POST /participants/:pid/stage-invite. */
  "stage:invite": (payload: { participantId: string }, ack: AckFn<{ participant: ParticipantDto }>) => void;
  /** Your answer to an invitation to the stage, as POST /stage-invite/answer. */
  "stage:answer": (payload: { accept: boolean }, ack: AckFn<{ participant: ParticipantDto }>) => void;
  /** Admins: remove a chat message for everyone, as DELETE /messages/:mid. */
  "chat:remove": (payload: { messageId: string }, ack: AckFn<{ message: MessageDto }>) => void;
  /** React with one of the fixed emoji (rate limited; never stored). */
  "reaction:send": (payload: { emoji: Reaction }, ack: AckFn) => void;
  /** Your own answer to being recorded, as POST /recording/consent. */
  "recording:consent": (payload: { consent: "yes" | "no" }, ack: AckFn<{ participant: ParticipantDto }>) => void;
}

export interface CallEnded {
  callId: string;
  endedBy: string;
  endedAt: string;
}

/** Something done to you by an admin, in a sentence. */
export const NOTICE_CODES = ["MUTED_BY_ADMIN", "REMOVED", "BANNED", "HAND_ACCEPTED", "HAND_DISMISSED", "ROLE_CHANGED", "STAGE_INVITE", "STAGE_INVITE_ANSWERED"] as const;
export interface Notice {
  code: (typeof NOTICE_CODES)[number];
  message: string;
}

export interface ServerToClientEvents {
  "call:state": (state: CallState) => void;
  "chat:message": (message: MessageDto) => void;
  "participant:joined": (participant: ParticipantDto) => void;
  "participant:updated": (participant: ParticipantDto) => void;
  "participant:left": (payload: { participantId: string }) => void;
  /** At most once a second per call, when the audience's size changed. */
  "audience:count": (count: AudienceCount) => void;
  /** To admins only, at most once a second: the audience's joins, updates and leaves since the last batch. */
  "audience:changes": (changes: AudienceChanges) => void;
  /** `endedBy`: who ended it (an admin's name, "<name> (site admin)", or Earshot after the empty call's grace period); `endedAt` ISO. */
  "call:ended": (payload: CallEnded) => void;
  notice: (notice: Notice) => void;
  /** An admin removed this message: replace it (its text is gone, `removed` is true). */
  "chat:removed": (message: MessageDto) => void;
  /** The call's reactions of the last short window, counted per emoji. */
  reactions: (burst: ReactionBurst) => void;
  "call:updated": (call: CallDto) => void;
  /** To admins only: a new moderation-log entry. */
  "moderation:entry": (entry: ModerationEntryDto) => void;
}

/** The socket auth payload: a participant credential (browsers may use the cookie with callId). */
export const SocketAuthSchema = z.object({
  credential: z.string().max(2048).optional(),
  callId: z.string().max(64).optional(),
});
