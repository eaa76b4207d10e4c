import { describe, expect, it } from "vitest";
import { audience, initialRoomState, roomReducer, stage, type RoomEvent, type RoomState } from "@/lib/client/call-state";
import type { PendingMessage } from "@/lib/client/outbox";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { callState, message, participant } from "../support/client-fixtures";

const run = (...events: RoomEvent[]) => events.reduce(roomReducer, initialRoomState);
const ids = (s: RoomState) => s.messages.map((m) => m.id);
const pending = (clientId: string, body = "hi"): PendingMessage => ({ clientId, body, createdAt: "2026-01-01T00:00:00.000Z", sending: false, note: null });

describe("room reducer: call:state", () => {
  it("renders from the full state", () => {
    const s = run({ type: "call:state", state: callState({ messages: [message(1), message(2)], nextCursor: "1" }) });
    expect(s.call?.title).toBe("Standup");
    expect(s.self?.id).toBe("me");
    expect(stage(s).map((p) => p.id)).toEqual(["host"]);
    expect(audience(s).map((p) => p.id)).toEqual(["me"]);
    expect(s.people.audienceCount.total).toBe(1);
    expect(ids(s)).toEqual(["1", "2"]);
    expect(s.nextCursor).toBe("1");
    expect(s.ended).toBe(false);
    expect(s.synced).toBe(true);
  });

  it("keeps older pages on reconnect when the new page touches them", () => {
    const s = run(
      { type: "call:state", state: callState({ messages: [message(10), message(11)], nextCursor: "10" }) },
      { type: "older-messages", page: { messages: [message(8), message(9)], nextCursor: "8" } },
      { type: "call:state", state: callState({ messages: [message(11), message(12)], nextCursor: "11" }) },
    );
    expect(ids(s)).toEqual(["8", "9", "10", "11", "12"]);
    expect(s.nextCursor).toBe("8");
  });

  it("drops what it had when the reconnect page leaves a gap, so no history is silently missing", () => {
    const s = run(
      { type: "call:state", state: callState({ messages: [message(1), message(2)], nextCursor: null }) },
      { type: "call:state", state: callState({ messages: [message(90), message(91)], nextCursor: "90" }) },
    );
    expect(ids(s)).toEqual(["90", "91"]);
    expect(s.nextCursor).toBe("90");
  });

  it("merges a reconnect page that is complete (no older messages exist)", () => {
    const s = run(
      { type: "call:state", state: callState({ messages: [message(1)], nextCursor: null }) },
      { type: "call:state", state: callState({ messages: [message(1), message(5)], nextCursor: null }) },
    );
    expect(ids(s)).toEqual(["1", "5"]);
    expect(s.nextCursor).toBeNull();
  });

  it("marks an already ended call as ended", () => {
    const s = run({ type: "call:state", state: callState({ call: { ...callState().call, endedAt: "2026-01-01T13:00:00.000Z" } }) });
    expect(s.ended).toBe(true);
  });
});

describe("room reducer: chat", () => {
  it("dedupes by id and sorts by numeric id, not as strings", () => {
    const s = run(
      { type: "call:state", state: callState({ messages: [message(9)] }) },
      { type: "chat:message", message: message(10) },
      { type: "chat:message", message: message(9) },
      { type: "chat:message", message: message(100) },
      { type: "chat:message", message: message(10) },
    );
    expect(ids(s)).toEqual(["9", "10", "100"]);
  });

  it("prepends older pages and takes their cursor", () => {
    const s = run(
      { type: "call:state", state: callState({ messages: [message(20), message(21)], nextCursor: "20" }) },
      { type: "older-messages", page: { messages: [message(18), message(19), message(20)], nextCursor: null } },
    );
    expect(ids(s)).toEqual(["18", "19", "20", "21"]);
    expect(s.nextCursor).toBeNull();
  });

  it("shows own pending messages until the stored one arrives", () => {
    let s = run({ type: "call:state", state: callState() }, { type: "outbox", pending: [pending("a"), pending("b")] });
    expect(s.pending.map((p) => p.clientId)).toEqual(["a", "b"]);
    s = roomReducer(s, { type: "chat:message", message: message(3, { clientId: "a", senderId: "me" }) });
    expect(s.pending.map((p) => p.clientId)).toEqual(["b"]);
  });

  it("ignores someone else's message that happens to carry the same clientId", () => {
    const s = run(
      { type: "call:state", state: callState() },
      { type: "outbox", pending: [pending("a")] },
      { type: "chat:message", message: message(3, { clientId: "a", senderId: "host" }) },
    );
    expect(s.pending).toHaveLength(1);
  });

  it("does not resurrect a pending message the outbox reports after its broadcast arrived", () => {
    const s = run(
      { type: "call:state", state: callState() },
      { type: "chat:message", message: message(3, { clientId: "a", senderId: "me" }) },
      { type: "outbox", pending: [pending("a")] },
    );
    expect(s.pending).toEqual([]);
  });
});

describe("room reducer: stage and audience", () => {
  const start = { type: "call:state", state: callState() } as const;
  const late = (id: string, over: Partial<ParticipantDto> = {}) => participant(id, { joinedAt: "2026-01-01T12:05:00.000Z", ...over });

  it("files joiners by role: the stage in join order, the audience at its end when it is loaded that far", () => {
    const s = run(
      start,
      { type: "participant:joined", participant: late("s", { role: "speaker" }) },
      { type: "participant:joined", participant: late("c", { role: "chatter" }) },
    );
    expect(stage(s).map((p) => p.id)).toEqual(["host", "s"]);
    expect(audience(s).map((p) => p.id)).toEqual(["me", "c"]);
  });

  it("does not append a newcomer to an audience with unloaded pages (they belong after them)", () => {
    const s = run(
      { type: "call:state", state: callState({ audience: { count: { total: 60, away: 0, hands: 0 }, participants: [participant("me")], nextCursor: "x" } }) },
      { type: "audience:changes", changes: { joined: [late("new")], updated: [], left: [] } },
    );
    expect(audience(s).map((p) => p.id)).toEqual(["me"]);
    const more = roomReducer(s, { type: "audience-page", page: { participants: [late("new")], nextCursor: null } });
    expect(audience(more).map((p) => p.id)).toEqual(["me", "new"]);
  });

  it("a promotion moves the person onto the stage and a demotion back, in one event each", () => {
    let s = run(start, { type: "participant:updated", participant: participant("me", { role: "speaker" }) });
    expect(stage(s).map((p) => p.id)).toEqual(["host", "me"]);
    expect(audience(s)).toEqual([]);
    expect(s.self?.role).toBe("speaker");
    s = roomReducer(s, { type: "participant:updated", participant: participant("me", { role: "listener" }) });
    expect(stage(s).map((p) => p.id)).toEqual(["host"]);
    expect(audience(s).map((p) => p.id)).toEqual(["me"]);
  });

  it("a joined event for someone already shown does not duplicate them", () => {
    const s = run(start, { type: "participant:joined", participant: participant("me", { presence: "away" }) });
    expect(audience(s).filter((p) => p.id === "me")).toHaveLength(1);
  });

  it("takes the count from audience:count", () => {
    const s = run(start, { type: "audience:count", count: { total: 5000, away: 12, hands: 3 } });
    expect(s.people.audienceCount).toEqual({ total: 5000, away: 12, hands: 3 });
  });

  it("applies an admin's batch: joins, updates, leaves", () => {
    const s = run(start, {
      type: "audience:changes",
      changes: { joined: [late("a"), late("b")], updated: [participant("me", { presence: "away" })], left: ["b"] },
    });
    expect(audience(s).map((p) => [p.id, p.presence])).toEqual([
      ["me", "away"],
      ["a", "online"],
    ]);
  });

  it("keeps the hand queue in the order hands went up", () => {
    const s = run(
      start,
      { type: "audience:changes", changes: { joined: [], updated: [late("a", { handRaised: true, handRaisedAt: "2026-01-01T12:00:05.000Z" })], left: [] } },
      { type: "audience:changes", changes: { joined: [], updated: [late("c", { handRaised: true, handRaisedAt: "2026-01-01T12:00:01.000Z" })], left: [] } },
    );
    expect(s.people.hands.map((p) => p.id)).toEqual(["c", "a"]);
    const lowered = roomReducer(s, { type: "participant:updated", participant: late("c") });
    expect(lowered.people.hands.map((p) => p.id)).toEqual(["a"]);
  });
});

describe("room reducer: a participant who left stays gone", () => {
  const start = {
    type: "call:state",
    state: callState({ stage: [participant("host", { role: "admin", isHost: true }), participant("spk", { role: "speaker" })] }),
  } as const;

  it.each([
    ["a presence update", participant("spk", { role: "speaker", presence: "away" })],
    ["a mute", participant("spk", { role: "speaker", muted: true })],
    ["a late audio update", participant("spk", { role: "speaker", inAudio: false })],
  ])("%s after participant:left does not bring them back", (_what, stale) => {
    const s = run(start, { type: "participant:left", participantId: "spk" }, { type: "participant:updated", participant: stale });
    expect(stage(s).map((p) => p.id)).toEqual(["host"]);
  });

  it("nor does an admin batch's stale update, or a page read before they left", () => {
    const s = run(
      start,
      { type: "participant:left", participantId: "me" },
      { type: "audience:changes", changes: { joined: [], updated: [participant("me", { presence: "away" })], left: [] } },
      { type: "audience-page", page: { participants: [participant("me")], nextCursor: null } },
    );
    expect(audience(s)).toEqual([]);
  });

  it("a real rejoin brings them back", () => {
    const s = run(
      start,
      { type: "participant:left", participantId: "spk" },
      { type: "participant:joined", participant: participant("spk", { role: "speaker" }) },
    );
    expect(stage(s).map((p) => p.id)).toEqual(["host", "spk"]);
  });
});

describe("room reducer: end", () => {
  it("call:ended marks the call ended and keeps the history", () => {
    const s = run(
      { type: "call:state", state: callState({ messages: [message(1)] }) },
      { type: "call:ended", endedBy: "pleb-host", endedAt: "2026-01-01T13:00:00.000Z" },
    );
    expect(s.ended).toBe(true);
    expect(ids(s)).toEqual(["1"]);
    // Who ended it and when, for the ended screen.
    expect(s.endedBy).toBe("pleb-host");
    expect(s.call?.endedAt).toBe("2026-01-01T13:00:00.000Z");
  });
});

describe("room reducer: joined", () => {
  it("shows the join answer until call:state, and never overrides call:state with it", () => {
    const joined = { type: "joined", call: callState().call, self: participant("me") } as const;
    expect(run(joined).self?.id).toBe("me");
    expect(run(joined).synced).toBe(false);
    const s = run({ type: "call:state", state: callState({ self: participant("me", { role: "chatter" }) }) }, joined);
    expect(s.self?.role).toBe("chatter");
  });
});
