import { z } from "zod";
import type { CommandName, CommandPayload, CommandResult } from "./commands";
import type { AudienceChanges, AudienceCount, CallDto, MessageDto, ModerationEntryDto, ParticipantDto, ParticipantPage } from "./dto";
import type { ReactionBurst } from "./reactions";
import type { ErrorCode } from "./errors";

export type ChatSend = CommandPayload<"chat:send">;

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

/** One event per command (lib/contracts/commands.ts): its payload, and an ack with its result. */
export type ClientToServerEvents = {
  [N in CommandName]: (payload: CommandPayload<N>, ack: AckFn<CommandResult<N>>) => void;
};

export interface CallEnded {
  callId: string;
  endedBy: string;
  endedAt: string;
}

/** Something done to you by an admin, in a sentence. */
export const NOTICE_CODES = [
  "MUTED_BY_ADMIN",
  "REMOVED",
  "BANNED",
  "HAND_ACCEPTED",
  "HAND_DISMISSED",
  "ROLE_CHANGED",
  "STAGE_INVITE",
  "STAGE_INVITE_ANSWERED",
] as const;
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
