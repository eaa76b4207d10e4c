import type { AudienceChanges, AudienceCount, ParticipantDto, ParticipantPage } from "../contracts/dto";
import type { CallState } from "../contracts/socket";
import { isOnStage } from "../domain/stage";

/**
 * Who the call page knows about: the whole stage (live), the audience as a
 * count plus the pages loaded so far, and for admins the hand queue. Built only
 * from server events and pages; a person who left stays gone whatever arrives later.
 */
export interface People {
  /** Admins and speakers, in join order. */
  stage: ParticipantDto[];
  /** The audience loaded so far, in join order; more behind `audienceCursor`. */
  audience: ParticipantDto[];
  audienceCursor: string | null;
  audienceCount: AudienceCount;
  /** Admins only: the hand queue loaded so far, oldest hand first; more behind `handsCursor`. */
  hands: ParticipantDto[];
  handsCursor: string | null;
  /** Ids that left (or were removed): later news about them is stale, until they join again. */
  gone: ReadonlySet<string>;
}

export const emptyPeople: People = {
  stage: [],
  audience: [],
  audienceCursor: null,
  audienceCount: { total: 0, away: 0, hands: 0 },
  hands: [],
  handsCursor: null,
  gone: new Set(),
};

export type PeopleEvent =
  | { type: "participant:joined"; participant: ParticipantDto }
  | { type: "participant:updated"; participant: ParticipantDto }
  | { type: "participant:left"; participantId: string }
  | { type: "audience:count"; count: AudienceCount }
  | { type: "audience:changes"; changes: AudienceChanges }
  /** The next page of the audience ("show more") or of the hand queue. */
  | { type: "audience-page"; page: ParticipantPage }
  | { type: "hands-page"; page: ParticipantPage };

export function peopleFromState(prev: People, s: CallState): People {
  const present = [...s.stage, ...s.audience.participants, ...(s.hands?.participants ?? [])].map((p) => p.id);
  const gone = new Set(prev.gone);
  for (const id of present) gone.delete(id);
  return {
    stage: [...s.stage].sort(byJoinOrder),
    audience: s.audience.participants,
    audienceCursor: s.audience.nextCursor,
    audienceCount: s.audience.count,
    hands: s.hands?.participants ?? [],
    handsCursor: s.hands?.nextCursor ?? null,
    gone,
  };
}

export function peopleReducer(state: People, e: PeopleEvent): People {
  switch (e.type) {
    case "participant:joined":
      return place({ ...state, gone: without(state.gone, e.participant.id) }, e.participant);
    case "participant:updated":
      return state.gone.has(e.participant.id) ? state : place(state, e.participant);
    case "participant:left":
      return leave(state, e.participantId);
    case "audience:count":
      return { ...state, audienceCount: e.count };
    case "audience:changes": {
      let next = state;
      for (const p of e.changes.joined) next = place({ ...next, gone: without(next.gone, p.id) }, p);
      for (const p of e.changes.updated) if (!next.gone.has(p.id)) next = place(next, p);
      for (const id of e.changes.left) next = leave(next, id);
      return next;
    }
    case "audience-page":
      return {
        ...state,
        audience: upsertAll(
          state.audience,
          e.page.participants.filter((p) => !state.gone.has(p.id)),
          byJoinOrder,
        ),
        audienceCursor: e.page.nextCursor,
      };
    case "hands-page":
      return {
        ...state,
        hands: upsertAll(
          state.hands,
          e.page.participants.filter((p) => !state.gone.has(p.id)),
          byHandOrder,
        ),
        handsCursor: e.page.nextCursor,
      };
  }
}

/** Files someone where their role puts them: on stage, or in the audience (when it is loaded that far), and in the hand queue. */
function place(state: People, p: ParticipantDto): People {
  const onStage = isOnStage(p.role);
  const inAudience = state.audience.some((q) => q.id === p.id);
  // The audience is in join order: a newcomer belongs at its end, which is loaded only when there is no next page.
  const audienceShows = !onStage && (inAudience || state.audienceCursor === null);
  const handsShow = p.handRaised && (state.hands.some((q) => q.id === p.id) || state.handsCursor === null);
  return {
    ...state,
    stage: onStage ? upsertAll(state.stage, [p], byJoinOrder) : state.stage.filter((q) => q.id !== p.id),
    audience: audienceShows ? upsertAll(state.audience, [p], byJoinOrder) : state.audience.filter((q) => q.id !== p.id),
    hands: handsShow ? upsertAll(state.hands, [p], byHandOrder) : state.hands.filter((q) => q.id !== p.id),
  };
}

function leave(state: People, id: string): People {
  const gone = new Set(state.gone).add(id);
  return {
    ...state,
    gone,
    stage: state.stage.filter((p) => p.id !== id),
    audience: state.audience.filter((p) => p.id !== id),
    hands: state.hands.filter((p) => p.id !== id),
  };
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!set.has(id)) return set;
  const next = new Set(set);
  next.delete(id);
  return next;
}

function upsertAll(list: ParticipantDto[], add: ParticipantDto[], order: (a: ParticipantDto, b: ParticipantDto) => number): ParticipantDto[] {
  if (add.length === 0) return list;
  const ids = new Set(add.map((p) => p.id));
  return [...list.filter((p) => !ids.has(p.id)), ...add].sort(order);
}

/** The server's orders (time, then id), compared as the database compares them: code unit by code unit. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const byJoinOrder = (a: ParticipantDto, b: ParticipantDto) => cmp(a.joinedAt, b.joinedAt) || cmp(a.id, b.id);
const byHandOrder = (a: ParticipantDto, b: ParticipantDto) => cmp(a.handRaisedAt ?? "", b.handRaisedAt ?? "") || cmp(a.id, b.id);

/** Is `self` the only admin on the stage (everyone present who is an admin is on it)? Leaving then leaves nobody to moderate. */
export function isLastAdmin(people: People, selfId: string | null): boolean {
  const me = people.stage.find((p) => p.id === selfId);
  return me?.role === "admin" && !people.stage.some((p) => p.role === "admin" && p.id !== selfId);
}

/** Who the last admin could hand admin to: everyone else known to be present, the stage first. */
export const handOverCandidates = (people: People, selfId: string | null): ParticipantDto[] =>
  [...people.stage, ...people.audience].filter((p) => p.id !== selfId);
