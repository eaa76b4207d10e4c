import { describe, expect, it } from "vitest";
import { initialRoomState, roomReducer, type RoomEvent } from "@/lib/client/call-state";
import { describeEntry, emptyLog, mergeLogPage, personControls, timeAgo, withLiveEntry } from "@/lib/client/moderation";
import type { ModerationEntryDto } from "@/lib/contracts/dto";
import { call, callState, participant } from "../support/client-fixtures";

const entry = (id: number, over: Partial<ModerationEntryDto> = {}): ModerationEntryDto => ({
  id: String(id),
  callId: "banana-hello-helicopter",
  actorId: "host",
  actorName: "pleb-host",
  targetId: "me",
  targetName: "pleb-me",
  action: "mute",
  before: "unmuted",
  after: "muted",
  createdAt: "2026-01-01T12:00:00.000Z",
  ...over,
});
const ids = (entries: ModerationEntryDto[]) => entries.map((e) => e.id);
const run = (...events: RoomEvent[]) => events.reduce(roomReducer, initialRoomState);

describe("room reducer: moderation events", () => {
  it("call:updated replaces the call (lock, default role)", () => {
    const s = run({ type: "call:state", state: callState() }, { type: "call:updated", call: call({ locked: true, defaultRole: "chatter" }) });
    expect(s.call).toMatchObject({ locked: true, defaultRole: "chatter" });
  });

  it("keeps the latest notice until dismissed, telling repeats apart", () => {
    const notice = { code: "HAND_DISMISSED", message: "pleb-host (admin) lowered your hand." } as const;
    const once = run({ type: "notice", notice });
    const twice = roomReducer(once, { type: "notice", notice });
    expect(once.notice).toMatchObject(notice);
    expect(twice.notice!.seq).toBeGreaterThan(once.notice!.seq);
    expect(roomReducer(twice, { type: "notice-dismissed" }).notice).toBeNull();
  });

  it("live entries and REST pages build one log, newest first, without duplicates", () => {
    const s = run(
      { type: "moderation:entry", entry: entry(12) },
      { type: "moderation-page", page: { entries: [entry(12), entry(11), entry(10)], nextCursor: "10" }, older: false },
      { type: "moderation:entry", entry: entry(13) },
      { type: "moderation-page", page: { entries: [entry(9), entry(8)], nextCursor: null }, older: true },
    );
    expect(ids(s.log.entries)).toEqual(["13", "12", "11", "10", "9", "8"]);
    expect(s.log).toMatchObject({ nextCursor: null, loaded: true });
  });

  it("counts call:state arrivals, so the log's newest page is fetched again after a reconnect", () => {
    const s = run({ type: "call:state", state: callState() }, { type: "call:state", state: callState() });
    expect(s.syncs).toBe(2);
  });
});

describe("moderation log pages", () => {
  const loaded = mergeLogPage(emptyLog, { entries: [entry(10), entry(9)], nextCursor: "9" }, false);
  const withOlder = mergeLogPage(loaded, { entries: [entry(8), entry(7)], nextCursor: "7" }, true);

  it("a newest page that touches what is known keeps the older pages and their cursor", () => {
    const s = mergeLogPage(withOlder, { entries: [entry(11), entry(10)], nextCursor: "10" }, false);
    expect(ids(s.entries)).toEqual(["11", "10", "9", "8", "7"]);
    expect(s.nextCursor).toBe("7");
  });

  it("a newest page with a gap before what is known replaces it, so nothing is silently missing", () => {
    const s = mergeLogPage(withOlder, { entries: [entry(60), entry(59)], nextCursor: "59" }, false);
    expect(ids(s.entries)).toEqual(["60", "59"]);
    expect(s.nextCursor).toBe("59");
  });

  it("the first page keeps live entries that arrived before it and are newer", () => {
    const live = withLiveEntry(withLiveEntry(emptyLog, entry(12)), entry(11));
    const s = mergeLogPage(live, { entries: [entry(11), entry(10)], nextCursor: "10" }, false);
    expect(ids(s.entries)).toEqual(["12", "11", "10"]);
    expect(s).toMatchObject({ nextCursor: "10", loaded: true });
    expect(ids(mergeLogPage(live, { entries: [], nextCursor: null }, false).entries)).toEqual(["12", "11"]);
  });

  it("a live entry lands on top once", () => {
    expect(ids(withLiveEntry(withLiveEntry(loaded, entry(11)), entry(11)).entries)).toEqual(["11", "10", "9"]);
  });
});

describe("time ago", () => {
  it("says how long ago, coarsely", () => {
    const t = Date.parse("2026-01-01T12:00:00.000Z");
    expect(timeAgo("2026-01-01T12:00:00.000Z", t + 10_000)).toBe("just now");
    expect(timeAgo("2026-01-01T12:00:00.000Z", t + 3 * 60_000)).toBe("3 min ago");
    expect(timeAgo("2026-01-01T12:00:00.000Z", t + 2 * 3_600_000)).toBe("2 h ago");
    expect(timeAgo("2026-01-01T12:00:00.000Z", t - 5_000)).toBe("just now");
  });
});

describe("log sentences", () => {
  it("describes each action", () => {
    expect(describeEntry(entry(1, { action: "role", before: "listener", after: "speaker" }))).toBe("made pleb-me a speaker (was listener)");
    expect(describeEntry(entry(1, { action: "role", before: "speaker", after: "admin" }))).toBe("made pleb-me an admin (was speaker)");
    expect(describeEntry(entry(1, { action: "ban", before: null, after: "browser" }))).toBe("banned pleb-me (their browser; they cannot rejoin)");
    expect(describeEntry(entry(1, { action: "remove", before: null, after: null }))).toBe("removed pleb-me (they may rejoin with the link)");
    expect(describeEntry(entry(1, { action: "lock", targetName: null }))).toBe("locked the call");
    expect(describeEntry(entry(1, { action: "default-role", before: "listener", after: "chatter" }))).toBe(
      "set the role for newcomers to chatter (was listener)",
    );
  });
});

describe("admin panel controls mirror the server's rules", () => {
  const host = participant("host", { role: "admin", isHost: true });
  const coAdmin = participant("co", { role: "admin" });
  const speaker = participant("sp", { role: "speaker" });
  const listener = participant("li");

  it("a co-admin cannot demote, remove or ban the host, and is told why", () => {
    const c = personControls(coAdmin, host, "host", 2);
    expect(c.role).toEqual({ ok: false, code: "HOST_PROTECTED", reason: "The host's role can only be changed by the host." });
    expect(c.remove).toEqual({ ok: false, code: "HOST_PROTECTED", reason: "The host cannot be removed or banned from their own call." });
    expect(c.ban.ok).toBe(false);
    expect(c.mute).toEqual({ ok: true });
  });

  it("the host may do everything to others; mute is offered only for people who can speak", () => {
    expect(personControls(host, speaker, "host", 2)).toEqual({ role: { ok: true }, mute: { ok: true }, remove: { ok: true }, ban: { ok: true } });
    expect(personControls(host, listener, "host", 2).mute).toBeNull();
    expect(personControls(host, coAdmin, "host", 2).role).toEqual({ ok: true });
  });

  it("the last admin cannot step down", () => {
    expect(personControls(host, host, "host", 1).role).toEqual({
      ok: false,
      code: "LAST_ADMIN",
      reason: "You are the last admin here; make someone else admin before stepping down.",
    });
  });
});
