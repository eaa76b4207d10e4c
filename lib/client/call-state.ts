import type { CallDto, MessageDto, MessagePage, ModerationEntryDto, ModerationPage, ParticipantDto } from "../contracts/dto";
import type { CallState, Notice } from "../contracts/socket";
import { mergeById } from "./merge-by-id";
import { type ModerationLog, emptyLog, mergeLogPage, withLiveEntry } from "./moderation";
import type { PendingMessage } from "./outbox";
import { emptyPeople, type People, type PeopleEvent, peopleFromState, peopleReducer } from "./people";

/** Everything the call page renders, built only from server events and the local outbox. */
export interface RoomState {
  call: CallDto | null;
  self: ParticipantDto | null;
  /** The stage, the audience's count and loaded pages, the hand queue (admins). */
  people: People;
  /** Stored chat, sorted by numeric id, no duplicates. */
  messages: MessageDto[];
  /** Cursor for the page older than `messages[0]`; null once the start of the chat is loaded. */
  nextCursor: string | null;
  ended: boolean;
  /** Who ended the call, when this page saw it end (null before, or when it ended while away). */
  endedBy: string | null;
  /** A call:state has arrived: participants and chat are the server's, not placeholders. */
  synced: boolean;
  /** Own messages typed but not yet acknowledged as stored. */
  pending: PendingMessage[];
  /** The latest thing an admin did to this person (hand accepted, muted…), until dismissed. `seq` tells repeats apart. */
  notice: (Notice & { seq: number }) | null;
  /** Admins only: the moderation log, newest first, as far back as loaded. */
  log: ModerationLog;
  /** Counts call:state arrivals: each (re)connect, after which admins refresh the log's newest page. */
  syncs: number;
}

export type RoomEvent =
  /** The join answer: enough for the header until the socket's call:state arrives. */
  | { type: "joined"; call: CallDto; self: ParticipantDto }
  | { type: "call:state"; state: CallState }
  | { type: "chat:message"; message: MessageDto }
  | PeopleEvent
  | { type: "call:ended"; endedBy: string | null; endedAt: string | null }
  | { type: "older-messages"; page: MessagePage }
  | { type: "outbox"; pending: PendingMessage[] }
  | { type: "call:updated"; call: CallDto }
  | { type: "notice"; notice: Notice }
  | { type: "notice-dismissed" }
  | { type: "moderation:entry"; entry: ModerationEntryDto }
  /** A page of the log from REST: the newest one (on open and after a reconnect) or an older one. */
  | { type: "moderation-page"; page: ModerationPage; older: boolean };

export const initialRoomState: RoomState = {
  call: null,
  self: null,
  people: emptyPeople,
  messages: [],
  nextCursor: null,
  ended: false,
  endedBy: null,
  synced: false,
  pending: [],
  notice: null,
  log: emptyLog,
  syncs: 0,
};

export function roomReducer(state: RoomState, event: RoomEvent): RoomState {
  switch (event.type) {
    case "joined":
      return state.call ? state : { ...state, call: event.call, self: event.self };
    case "call:state":
      return applyCallState(state, event.state);
    case "chat:message": {
      const messages = mergeMessages(state.messages, [event.message]);
      return { ...state, messages, pending: withoutStored(state.pending, messages, state.self) };
    }
    case "participant:joined":
    case "participant:updated": {
      const people = peopleReducer(state.people, event);
      const p = event.participant;
      // Stale news about someone who left is dropped, self included.
      return { ...state, people, self: state.self?.id === p.id && !people.gone.has(p.id) ? p : state.self };
    }
    case "participant:left":
    case "audience:count":
    case "audience:changes":
    case "audience-page":
    case "hands-page":
      return { ...state, people: peopleReducer(state.people, event) };
    case "call:ended":
      return {
        ...state,
        ended: true,
        endedBy: event.endedBy ?? state.endedBy,
        call: state.call && event.endedAt && !state.call.endedAt ? { ...state.call, endedAt: event.endedAt } : state.call,
      };
    case "call:updated":
      return { ...state, call: event.call };
    case "notice":
      return { ...state, notice: { ...event.notice, seq: (state.notice?.seq ?? 0) + 1 } };
    case "notice-dismissed":
      return { ...state, notice: null };
    case "moderation:entry":
      return { ...state, log: withLiveEntry(state.log, event.entry) };
    case "moderation-page":
      return { ...state, log: mergeLogPage(state.log, event.page, event.older) };
    case "older-messages":
      return { ...state, messages: mergeMessages(event.page.messages, state.messages), nextCursor: event.page.nextCursor };
    case "outbox":
      return { ...state, pending: withoutStored(event.pending, state.messages, state.self) };
  }
}

/**
 * A (re)connect brings the newest page. Older pages already loaded stay when
 * they touch it; when they do not (more was said while we were away than one
 * page holds), they are dropped so the history never shows a silent gap.
 */
function applyCallState(state: RoomState, s: CallState): RoomState {
  const newestKnown = state.messages.at(-1);
  const oldestNew = s.messages[0];
  const gap = newestKnown && oldestNew && s.nextCursor !== null && idValue(newestKnown.id) < idValue(oldestNew.id);
  const keepOlder = state.messages.length > 0 && !gap;
  const messages = keepOlder ? mergeMessages(state.messages, s.messages) : mergeMessages([], s.messages);
  const olderThanPage = keepOlder && oldestNew !== undefined && idValue(state.messages[0]!.id) < idValue(oldestNew.id);
  return {
    ...state,
    call: s.call,
    self: s.self,
    people: peopleFromState(state.people, s),
    messages,
    nextCursor: olderThanPage ? state.nextCursor : s.nextCursor,
    ended: state.ended || s.call.endedAt !== null,
    synced: true,
    syncs: state.syncs + 1,
    pending: withoutStored(state.pending, messages, s.self),
  };
}

const idValue = (id: string) => Number(id);

const mergeMessages = (a: MessageDto[], b: MessageDto[]): MessageDto[] => mergeById(a, b, "oldest-first");

function withoutStored(pending: PendingMessage[], messages: MessageDto[], self: ParticipantDto | null): PendingMessage[] {
  if (!self || pending.length === 0) return pending;
  const stored = new Set(messages.filter((m) => m.senderId === self.id).map((m) => m.clientId));
  const rest = pending.filter((p) => !stored.has(p.clientId));
  return rest.length === pending.length ? pending : rest;
}

/** Admins and speakers, who can talk. */
export const stage = (s: RoomState) => s.people.stage;
/** The chatters and listeners loaded so far (the audience is a count and pages). */
export const audience = (s: RoomState) => s.people.audience;
