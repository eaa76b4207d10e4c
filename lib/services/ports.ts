import type { Reaction } from "../contracts/reactions";
import type { AudienceCount, CallDto, MessageDto, MODERATION_ACTIONS, ModerationEntryDto, ParticipantDto } from "../contracts/dto";
import type { Group } from "../domain/stage";
import type { Notice } from "../contracts/socket";
import type { DefaultRole, Role } from "../contracts/roles";
import type { RecordingConsent } from "../domain/recording";
import type { AudioEvent } from "./audio-events";

/** A position in a participant list's order: the sort time (joined, or hand raised) and the id that breaks ties. */
export interface PageKey {
  at: Date;
  id: string;
}

/** What services need from storage; lib/db/store.ts implements it with Prisma. */
export interface CallRecord {
  id: string;
  title: string;
  defaultRole: DefaultRole;
  hostParticipantId: string | null;
  hostUserId: string | null;
  locked: boolean;
  createdAt: Date;
  endedAt: Date | null;
  emptySince: Date | null;
  /** The recording running now, if any. */
  recordingId: string | null;
}

export interface ParticipantRecord {
  id: string;
  callId: string;
  kind: "user" | "guest";
  /** The account of a signed-in participant; null for guests. */
  userId: string | null;
  /** The browser a guest joined from (for bans); null when unknown. */
  deviceId: string | null;
  displayName: string;
  role: Role;
  muted: boolean;
  handRaised: boolean;
  handRaisedAt: Date | null;
  joinedAt: Date;
  leftAt: Date | null;
  awaySince: Date | null;
  /** The node whose connection last brought them online (cluster mode); null before any. */
  presenceNode: string | null;
  removedAt: Date | null;
  inAudio: boolean;
  publishing: boolean;
  recordingConsent: RecordingConsent;
  /** The guest name they had before claiming the seat under their account (history notes it); null otherwise. */
  guestName: string | null;
  /** The admin whose invitation to the stage awaits this person's answer; null when none does. */
  stageInviteFrom: string | null;
}

export interface MessageRecord {
  id: number;
  callId: string;
  senderId: string;
  senderName: string;
  clientId: string;
  body: string;
  createdAt: Date;
  /** When an admin removed it for everyone; null otherwise. */
  removedAt: Date | null;
}

export type ParticipantPatch = Partial<
  Pick<
    ParticipantRecord,
    | "muted"
    | "handRaised"
    | "handRaisedAt"
    | "leftAt"
    | "awaySince"
    | "presenceNode"
    | "role"
    | "removedAt"
    | "inAudio"
    | "publishing"
    | "userId"
    | "kind"
    | "displayName"
    | "recordingConsent"
    | "stageInviteFrom"
  >
>;

export interface UserRecord {
  id: string;
  email: string | null;
  name: string | null;
  passwordHash: string | null;
  disabledAt: Date | null;
  /** Sessions issued under another version no longer count (signing out bumps it). */
  sessionVersion: number;
  createdAt: Date;
}

export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

export interface ModerationRecord {
  id: number;
  callId: string;
  actorId: string | null;
  actorName: string;
  targetId: string | null;
  targetName: string | null;
  action: ModerationActionName;
  before: string | null;
  after: string | null;
  createdAt: Date;
}

/** Who acted: a participant, or the site (a site admin from /admin, the idle timeout). */
export interface Actor {
  id: string | null;
  name: string;
}

/**
 * Moderation writes. Each one applies only if the state still differs (the
 * condition is part of the UPDATE), and logs an entry in the same
 * transaction only when it applied: two admins racing leave one consistent
 * state and one entry per applied action.
 */
export interface ModerationStore {
  /**
   * Gives `to`, unless at that moment (atomically, however many admins act at once) the actor is no
   * longer a present admin (`actor-not-admin`; a site admin, with a null id, always may) or the change
   * would leave the call without a present admin (`last-admin`). `lowersHand` is the domain's rule for
   * whether the move (from the role read at that moment) also lowers a raised hand.
   */
  changeRole(
    callId: string,
    actor: Actor,
    targetId: string,
    to: Role,
    at: Date,
    lowersHand: (from: Role, to: Role) => boolean,
  ): Promise<{ participant: ParticipantRecord; entry: ModerationRecord | null; refused: "actor-not-admin" | "last-admin" | null }>;
  mute(callId: string, actor: Actor, targetId: string, at: Date): Promise<{ participant: ParticipantRecord; entry: ModerationRecord | null }>;
  /** Removes (and with `ban`, bans by account or browser); entries for what applied. */
  remove(callId: string, actor: Actor, targetId: string, ban: boolean, at: Date): Promise<ModerationRecord[]>;
  setLocked(callId: string, actor: Actor, locked: boolean, at: Date): Promise<ModerationRecord | null>;
  setDefaultRole(callId: string, actor: Actor, role: Role, at: Date): Promise<ModerationRecord | null>;
  logEnd(callId: string, actor: Actor, at: Date): Promise<ModerationRecord>;
  /** A recording started, stopped or was deleted (`detail`: the recording's id). */
  logRecording(
    callId: string,
    actor: Actor,
    action: "recording-on" | "recording-off" | "recording-deleted",
    detail: string,
    at: Date,
  ): Promise<ModerationRecord>;
  /**
   * Removes a chat message for everyone and logs it (`message-removed`, target the sender, `after` the
   * message id), once: removing it again logs nothing. Null when the call has no such message.
   */
  removeMessage(callId: string, actor: Actor, messageId: number, at: Date): Promise<{ message: MessageRecord; entry: ModerationRecord | null } | null>;
  isBanned(callId: string, who: { userId: string | null; deviceId: string | null }): Promise<boolean>;
  /** Newest first, before the cursor. */
  list(callId: string, before: number | null, limit: number): Promise<ModerationRecord[]>;
  listRoleChanges(callId: string): Promise<ModerationRecord[]>;
}

/** One call in a user's history, with their own participation in it. */
export interface UserCallRecord {
  call: CallRecord;
  hostName: string;
  participantCount: number;
  /** Everyone who was ever in the call, present or not. */
  everyoneCount: number;
  role: Role;
  joinedAt: Date;
}

export interface UserStore {
  findUser(id: string): Promise<UserRecord | null>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  /** Inserts an account; null when the email is taken. */
  createUser(u: { email: string; name: string; passwordHash: string }): Promise<UserRecord | null>;
  updateUser(id: string, patch: Partial<Pick<UserRecord, "name" | "passwordHash" | "disabledAt">>): Promise<UserRecord>;
  /** Ends every session of the account: bumps its session version. */
  endSessions(id: string): Promise<void>;
  /** Accounts by email or name, newest first, after the cursor (an account id). */
  listUsers(q: { search: string | null; after: string | null; limit: number }): Promise<UserRecord[]>;
}

export interface HandEventRecord {
  callId: string;
  participantId: string;
  raised: boolean;
  byName: string | null;
  createdAt: Date;
}

export interface HistoryStore {
  /** Calls the user hosted or joined, newest first, after the cursor. */
  listUserCalls(
    userId: string,
    q: { status: "live" | "ended" | "all"; search: string | null; before: { createdAt: Date; id: string } | null; limit: number },
  ): Promise<UserCallRecord[]>;
  /** Everyone who was ever in the call, in join order. */
  listAllParticipants(callId: string): Promise<ParticipantRecord[]>;
  /** Every call (site admins), newest first. */
  listCalls(q: {
    status: "live" | "ended" | "all";
    search: string | null;
    before: { createdAt: Date; id: string } | null;
    limit: number;
  }): Promise<{ call: CallRecord; hostName: string; participantCount: number }[]>;
  /** A hand went up or down (`byName`: the admin who lowered it; null when the person did). */
  logHand(e: HandEventRecord): Promise<void>;
  /** Hand events of a call between two moments, oldest first. */
  listHandEvents(callId: string, from: Date, to: Date): Promise<HandEventRecord[]>;
  /** The account's participants in calls that are still live. */
  listLiveParticipantsOfUser(userId: string): Promise<ParticipantRecord[]>;
  /**
   * A guest seat becomes the account's, in one transaction: the participant takes the account and its
   * name (keeping the guest name as `guestName`), and their messages are signed with the new name.
   */
  claimSeat(participantId: string, owner: { userId: string; displayName: string; guestName: string }): Promise<ParticipantRecord>;
}

export interface Store {
  /** Inserts a call and its host; false when the ID is taken. */
  createCall(call: Omit<CallRecord, "endedAt" | "emptySince" | "locked" | "recordingId">, host: ParticipantRecord): Promise<boolean>;
  findCall(id: string): Promise<CallRecord | null>;
  /** Ends a live call and marks everyone left; null when it had already ended. */
  endCall(id: string, at: Date): Promise<CallRecord | null>;
  setCallEmptySince(id: string, at: Date | null): Promise<void>;
  /** The host claimed their guest participant: their account now owns the call. */
  setCallHostUser(id: string, userId: string): Promise<void>;
  /** Live calls empty since before `cutoff`. */
  listIdleCalls(cutoff: Date): Promise<string[]>;

  findParticipant(id: string): Promise<ParticipantRecord | null>;
  /** A signed-in user's participant in a call (there is at most one). */
  findUserParticipant(callId: string, userId: string): Promise<ParticipantRecord | null>;
  countPresentParticipants(callId: string): Promise<number>;
  /** The stage (admins and speakers present), in join order: small, so read whole. */
  listStage(callId: string): Promise<ParticipantRecord[]>;
  /**
   * One page of present participants, `limit` at most: the audience in join order
   * (joinedAt, id), or the hand queue in hand order (handRaisedAt, id); after the
   * cursor's position, names containing `search` (any case) only.
   */
  listParticipantPage(callId: string, q: { group: Group | "hands"; search: string | null; after: PageKey | null; limit: number }): Promise<ParticipantRecord[]>;
  /** Indexed counts of the audience present, away and with hands up. */
  countAudience(callId: string): Promise<AudienceCount>;
  /** Display names taken in a call, by anyone who ever joined it. */
  listDisplayNames(callId: string): Promise<Set<string>>;
  /** Inserts a participant; false when the display name is taken in that call. */
  createParticipant(p: ParticipantRecord): Promise<boolean>;
  updateParticipant(id: string, patch: ParticipantPatch): Promise<ParticipantRecord>;
  /** Applies the patch only while the participant has not left; null when they have (nothing to tell anyone then). */
  updatePresentParticipant(id: string, patch: ParticipantPatch): Promise<ParticipantRecord | null>;
  /** Participants away (no connection) since before `cutoff` who have not left. */
  listAwayBefore(cutoff: Date): Promise<ParticipantRecord[]>;
  /** Marks a participant left only if still away since before `cutoff` (they may have just come back). */
  leaveIfAwaySince(id: string, cutoff: Date, at: Date): Promise<boolean>;
  /**
   * Marks present, online participants away, and returns them: those whose presence is on `node`
   * (a node starting: nobody is connected to it yet), or everyone (null: the only node), or those
   * on none of `alive` (nodes that stopped beating: their connections are gone).
   */
  markAway(at: Date, whose: { node: string | null } | { alive: string[] }): Promise<ParticipantRecord[]>;

  countPresentAdmins(callId: string): Promise<number>;

  /** Stores a message; when (senderId, clientId) exists, returns the stored one instead. */
  insertMessage(m: Omit<MessageRecord, "id">): Promise<{ message: MessageRecord; duplicate: boolean }>;
  /** Newest-first page of messages older than `before` (and sent no later than `until`), at most `limit`. */
  listMessagesBefore(callId: string, before: number | null, limit: number, until?: Date | null): Promise<MessageRecord[]>;

  ping(): Promise<boolean>;
}

/**
 * Pushes events to connected clients; lib/realtime implements it with Socket.IO.
 * The stage's events reach everyone at once; the audience's are coalesced
 * (a count for everyone, batches for admins), except to the person concerned.
 */
export interface Notifier {
  participantJoined(callId: string, p: ParticipantDto): void;
  /** `before`: the role they had, when this update changed it (a move between stage and audience reaches everyone at once). */
  participantUpdated(callId: string, p: ParticipantDto, before?: Role): void;
  /** `role`: the role they had, which says who must hear of it at once. */
  participantLeft(callId: string, participantId: string, role: Role): void;
  chatMessage(callId: string, m: MessageDto): void;
  /** The call ended: everyone is told who ended it and when, then disconnected. */
  callEnded(callId: string, ended: { endedBy: string; endedAt: Date }): void;
  /** An admin removed a message: everyone gets it again, removed (its text gone). */
  messageRemoved(callId: string, message: MessageDto): void;
  /** Someone reacted: coalesced with the call's other reactions into one burst per short window. */
  reaction(callId: string, emoji: Reaction): void;
  /** A sentence for one participant about something done to them (muted or removed by an admin). */
  notice(participantId: string, notice: Notice): void;
  callUpdated(callId: string, call: CallDto): void;
  /** A new moderation-log entry, for the call's admins. */
  moderationLogged(callId: string, entry: ModerationEntryDto): void;
  /** Closes a participant's open connections (after leave or removal). */
  disconnectParticipant(participantId: string): void;
}

/** The audio room of a call on the media server (lib/livekit implements it). */
export interface AudioRoom {
  /** A short-lived join token whose grants follow the role. */
  token(p: { callId: string; participantId: string; displayName: string; role: Role }): Promise<string>;
  /**
   * Replaces the participant's permissions to match the role; revoking publish unpublishes the mic.
   * `previous`: the role they had, when this is a role change (a demotion off the stage hides them again).
   */
  applyRole(callId: string, participantId: string, role: Role, previous?: Role): Promise<void>;
  muteMicrophone(callId: string, participantId: string): Promise<void>;
  remove(callId: string, participantId: string): Promise<void>;
  endRoom(callId: string): Promise<void>;
  reachable(): Promise<boolean>;
  /** Where a browser that loaded a page from `page` reaches the media server. */
  publicUrl(page: URL, forwardedProto: string | null): string;
  /** Checks a media-server webhook's signature (AppError INVALID_SIGNATURE) and decodes it; null for events we ignore. */
  verifyWebhook(rawBody: string, authorization: string | null): Promise<AudioEvent | null>;
}

export type RecordingStatus = "recording" | "stopped" | "interrupted" | "deleted";

export interface RecordingRecord {
  id: string;
  callId: string;
  status: RecordingStatus;
  /** The file's name inside the recordings folder. */
  file: string;
  startedAt: Date;
  endedAt: Date | null;
  durationMs: number | null;
  deletedAt: Date | null;
}

/** When one speaker talked, in milliseconds from the recording's start. */
export interface SpeechSegment {
  participantId: string;
  startMs: number;
  endMs: number;
}

export interface RecordingStore {
  /** Starts a recording unless one runs already (the call's running recording is claimed in the same write); false if one does. */
  begin(r: Pick<RecordingRecord, "id" | "callId" | "file" | "startedAt">): Promise<boolean>;
  /** Releases the call's running recording; its id, or null when none was running (another stop won). */
  release(callId: string): Promise<string | null>;
  /**
   * Saves speaking segments while the recording runs. A segment is keyed by
   * its speaker and start: saving it again (it went on since) updates its end,
   * so a segment is never stored twice.
   */
  saveSegments(recordingId: string, segments: SpeechSegment[]): Promise<void>;
  /** Stores how a released recording ended, with the segments not saved yet (saved ones stay). */
  complete(id: string, end: { status: "stopped" | "interrupted"; endedAt: Date; durationMs: number; segments: SpeechSegment[] }): Promise<void>;
  /** Recordings that were running when the process stopped: released and returned (start-up). */
  releaseAll(): Promise<RecordingRecord[]>;
  find(id: string): Promise<RecordingRecord | null>;
  listForCall(callId: string): Promise<RecordingRecord[]>;
  listSegments(recordingId: string): Promise<SpeechSegment[]>;
  /** Finished recordings (not deleted) that ended before `cutoff`. */
  listEndedBefore(cutoff: Date): Promise<RecordingRecord[]>;
  /**
   * Whose microphones the recorder may take: everyone in the call who said yes
   * (a query, so a large audience is not loaded). The role is not checked: the
   * media server already refuses a microphone to anyone who may not speak, and
   * a listener who said yes earlier is recorded the moment they are promoted.
   */
  listConsenting(callId: string): Promise<string[]>;
  /** Marks a recording deleted; false if it already was. */
  markDeleted(id: string, at: Date): Promise<boolean>;
}

/** The recordings folder (lib/recording/files.ts). */
export interface RecordingFiles {
  /** The file's absolute path. */
  pathOf(file: string): string;
  /** Size and last write, or null when the file is missing. */
  stat(file: string): Promise<{ size: number; modifiedAt: Date } | null>;
  remove(file: string): Promise<void>;
}

/**
 * Records a call's consenting speakers into one file: a participant of the
 * media room that subscribes only to the microphones it is told to, mixes
 * them and encodes Opus (lib/recording implements it with rtc-node and ffmpeg).
 */
export interface Recorder {
  /** Why recording cannot work on this server (e.g. no ffmpeg), or null when it can. */
  unavailable(): string | null;
  /**
   * Starts recording into `file`, whose zero is `startedAt`; rejects when the
   * media server cannot be reached. Every few seconds it hands the speaking
   * segments noted since to `saveSegments` (open ones as they stand, again as
   * they grow), so that a crash keeps the timeline up to then.
   */
  start(r: {
    callId: string;
    recordingId: string;
    file: string;
    speakers: string[];
    startedAt: Date;
    saveSegments: (segments: SpeechSegment[]) => Promise<void>;
  }): Promise<void>;
  /** The participants whose microphones are recorded from now on (everyone else is dropped at once). */
  setSpeakers(callId: string, speakers: string[]): void;
  /** The calls this process is recording now. */
  activeCalls(): string[];
  /** Ends the file cleanly; its length and the segments `saveSegments` did not get; null when nothing was recording this call in this process. */
  stop(callId: string): Promise<{ durationMs: number; segments: SpeechSegment[] } | null>;
}

/**
 * The Earshot nodes sharing the database: this one's id, and which are alive
 * (lib/cluster implements it on Redis; a lone node is the only one there is).
 */
export interface NodeRegistry {
  readonly self: string;
  /** Says this node is alive; called on every presence sweep. */
  heartbeat(): Promise<void>;
  /** The nodes alive now; null when this node runs alone. */
  alive(): Promise<string[] | null>;
}

export interface Clock {
  now(): Date;
}

export interface ServiceConfig {
  presenceTimeoutMs: number;
  callGraceMs: number;
  /** Finished recordings are removed after this many days; 0 keeps them. */
  recordingRetentionDays: number;
}

export type { CallDto, MessageDto, ParticipantDto };
