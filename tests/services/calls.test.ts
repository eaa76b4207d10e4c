import { describe, expect, it } from "vitest";
import { renewAudioAccess } from "@/lib/services/audio-access";
import { handleAudioEvent } from "@/lib/services/audio-events";
import { claimParticipant } from "@/lib/services/claim-participant";
import { createCall } from "@/lib/services/create-call";
import { endCall } from "@/lib/services/end-call";
import { getCall } from "@/lib/services/get-call";
import { joinCall } from "@/lib/services/join-call";
import { leaveCall } from "@/lib/services/leave-call";
import { listMessages } from "@/lib/services/list-messages";
import { listParticipants } from "@/lib/services/list-participants";
import { callState, connectParticipant, disconnectParticipant, markAway, sweepPresence } from "@/lib/services/presence";
import { sendMessage } from "@/lib/services/send-message";
import { setMuted } from "@/lib/services/set-self-state";
import { AppError } from "@/lib/domain/errors";
import { checkLookupBudget, countFailedLookup } from "@/lib/services/limits";
import { memoryDeps } from "../support/memory-ports";
import { AUDIO_URL, callWorld, codeOf } from "./world";

const newGuest = (n: number) => ({ returningParticipantId: null, user: null, deviceId: `dev-${n}`, address: `10.3.0.${n}` });

describe("creating and joining", () => {
  it("createCall makes a three-word call whose creator is its host admin, with a credential and audio access", async () => {
    const w = memoryDeps();
    const s = await createCall(w.deps, { defaultRole: "chatter", title: "Town hall" }, AUDIO_URL, {
      user: { id: "u1", name: "Ada" },
      deviceId: "d",
      address: "10.0.0.1",
    });
    expect(s.call.id).toMatch(/^[a-z]+-[a-z]+-[a-z]+$/);
    expect(s.call).toMatchObject({ title: "Town hall", defaultRole: "chatter", hostName: "Ada", participantCount: 1, locked: false, recording: false });
    expect(s.participant).toMatchObject({ role: "admin", isHost: true, kind: "user", displayName: "Ada" });
    expect(s.credential).toBe(w.deps.issueCredential(s.call.id, s.participant.id));
    expect(s.livekit).toEqual({ url: AUDIO_URL, token: `token:${s.call.id}:${s.participant.id}:admin` });
  });

  it("call creation is rate limited per address and browser", async () => {
    const w = memoryDeps({ env: { CREATE_CALL_RATE_PER_MIN: "0.001", CREATE_CALL_BURST: "1" } });
    const who = { user: null, deviceId: "d", address: "10.0.0.1" };
    await createCall(w.deps, { defaultRole: "listener" }, AUDIO_URL, who);
    expect(await codeOf(createCall(w.deps, { defaultRole: "listener" }, AUDIO_URL, who))).toBe("RATE_LIMITED");
  });

  it("joinCall admits a pleb guest with the default role and tells the call; a returning credential gets the same seat", async () => {
    const w = await callWorld({ defaultRole: "chatter" });
    const s = await joinCall(w.deps, w.callId, newGuest(1), AUDIO_URL);
    expect(s.participant).toMatchObject({ role: "chatter", kind: "guest", isHost: false });
    expect(s.participant.displayName).toMatch(/^pleb-/);
    expect(w.notifier.of("participantJoined").map(([, p]) => p.id)).toEqual([s.participant.id]);
    expect(s.call.participantCount).toBe(2); // the host and the newcomer: counted before the insert, plus them
    const again = await joinCall(w.deps, w.callId, { ...newGuest(1), returningParticipantId: s.participant.id }, AUDIO_URL);
    expect(again.participant.id).toBe(s.participant.id);
    expect(again.call.participantCount).toBe(2); // still in: not counted twice
    expect((await getCall(w.deps, w.callId)).call.participantCount).toBe(2);
  });

  it("a returning participant who left comes back in; an unknown call, an ended call and too many joins are refused", async () => {
    const w = await callWorld();
    const guest = await w.join();
    await leaveCall(w.deps, guest);
    const back = await joinCall(w.deps, w.callId, { ...newGuest(9), returningParticipantId: guest.participantId }, AUDIO_URL);
    expect(back.participant).toMatchObject({ id: guest.participantId, presence: "away" });
    expect(back.call.participantCount).toBe(2); // the host, and the guest back in
    expect(await codeOf(joinCall(w.deps, "no-such-call", newGuest(2), AUDIO_URL))).toBe("CALL_NOT_FOUND");
    const limited = await callWorld({ env: { JOIN_RATE_PER_MIN: "0.001", JOIN_BURST: "1" } });
    await joinCall(limited.deps, limited.callId, newGuest(3), AUDIO_URL);
    expect(await codeOf(joinCall(limited.deps, limited.callId, { ...newGuest(4), address: "10.3.0.3" }, AUDIO_URL))).toBe("RATE_LIMITED");
    await endCall(w.deps, w.host);
    expect(await codeOf(joinCall(w.deps, w.callId, newGuest(5), AUDIO_URL))).toBe("CALL_ENDED");
  });

  it("getCall lists the stage then the audience's first page; an ended call lists nobody", async () => {
    const w = await callWorld();
    const speaker = await w.join("speaker");
    const listener = await w.join();
    const { call, participants } = await getCall(w.deps, w.callId);
    expect(participants.map((p) => p.id)).toEqual([w.host.participantId, speaker.participantId, listener.participantId]);
    expect(call.participantCount).toBe(3);
    await endCall(w.deps, w.host);
    expect(await getCall(w.deps, w.callId)).toMatchObject({ participants: [], call: { participantCount: 0 } });
  });

  it("claimParticipant makes a guest seat an account's, once, and names it after the account", async () => {
    const w = await callWorld();
    const guest = await w.join();
    const ada = { id: "u-ada", name: "Ada" };
    expect(await claimParticipant(w.deps, guest, ada)).toMatchObject({ kind: "user", displayName: "Ada" });
    expect(await codeOf(claimParticipant(w.deps, guest, { id: "u-bob", name: "Bob" }))).toBe("FORBIDDEN");
    const other = await w.join();
    expect(await codeOf(claimParticipant(w.deps, other, ada))).toBe("ALREADY_IN_CALL");
  });
});

describe("leaving and ending", () => {
  it("leaveCall tells the call, disconnects, and starts the grace period when the call empties; twice is harmless", async () => {
    const w = await callWorld();
    await leaveCall(w.deps, w.host);
    await leaveCall(w.deps, w.host);
    expect(w.notifier.of("participantLeft")).toEqual([[w.callId, w.host.participantId, "admin"]]);
    expect(w.notifier.of("disconnectParticipant")).toEqual([[w.host.participantId]]);
    expect(w.db.calls.get(w.callId)!.emptySince).toEqual(w.clock.now());
  });

  it("endCall ends it for everyone once, logs it, closes the audio room; only admins may", async () => {
    const w = await callWorld();
    const guest = await w.join();
    expect(await codeOf(endCall(w.deps, guest))).toBe("FORBIDDEN");
    await endCall(w.deps, w.host);
    expect(w.notifier.of("callEnded")).toEqual([[w.callId, { endedBy: expect.any(String), endedAt: expect.any(Date) }]]);
    expect(w.audio.calls).toContain(`end ${w.callId}`);
    expect(w.db.moderation.filter((e) => e.action === "end")).toHaveLength(1);
    expect(w.participant(guest).leftAt).not.toBeNull();
    expect(await codeOf(endCall(w.deps, w.host))).toBe("CALL_ENDED");
  });
});

describe("chat and own state", () => {
  it("sendMessage stores and broadcasts once per clientId; listeners may not chat", async () => {
    const w = await callWorld({ defaultRole: "chatter" });
    const chatter = await w.join();
    const first = await sendMessage(w.deps, chatter, { clientId: "c1", body: "hello" });
    const resend = await sendMessage(w.deps, chatter, { clientId: "c1", body: "hello" });
    expect([first.duplicate, resend.duplicate, resend.message.id]).toEqual([false, true, first.message.id]);
    expect(w.notifier.of("chatMessage")).toHaveLength(1);
    const listener = await w.join("listener");
    expect(await codeOf(sendMessage(w.deps, listener, { clientId: "c2", body: "hi" }))).toBe("FORBIDDEN");
  });

  it("chat is rate limited per participant", async () => {
    const w = await callWorld({ defaultRole: "chatter", env: { CHAT_RATE_PER_SEC: "0.001", CHAT_BURST: "2" } });
    const chatter = await w.join();
    await sendMessage(w.deps, chatter, { clientId: "a", body: "1" });
    await sendMessage(w.deps, chatter, { clientId: "b", body: "2" });
    expect(await codeOf(sendMessage(w.deps, chatter, { clientId: "c", body: "3" }))).toBe("RATE_LIMITED");
  });

  it("listMessages pages older messages with a cursor", async () => {
    const w = await callWorld();
    for (let i = 0; i < 5; i++) await sendMessage(w.deps, w.host, { clientId: `m${i}`, body: `message ${i}` });
    const newest = await listMessages(w.deps, w.host, { limit: 2 });
    expect(newest.messages.map((m) => m.body)).toEqual(["message 3", "message 4"]);
    const older = await listMessages(w.deps, w.host, { limit: 2, before: newest.nextCursor! });
    expect(older.messages.map((m) => m.body)).toEqual(["message 1", "message 2"]);
  });

  it("setMuted changes your own state only when it differs; someone who left gets PARTICIPANT_LEFT", async () => {
    const w = await callWorld();
    const guest = await w.join();
    expect((await setMuted(w.deps, guest, false)).muted).toBe(false);
    await setMuted(w.deps, guest, false);
    expect(w.notifier.of("participantUpdated")).toHaveLength(1);
    await leaveCall(w.deps, guest);
    expect(await codeOf(setMuted(w.deps, guest, true))).toBe("PARTICIPANT_LEFT");
  });

  it("listParticipants pages the audience by keyset and searches names; the hand queue is for admins", async () => {
    const w = await callWorld();
    const guests = [];
    for (let i = 0; i < 3; i++) {
      w.clock.advance(1000); // join order is time order
      guests.push(await w.join());
    }
    const first = await listParticipants(w.deps, w.host, { group: "audience", limit: 2 });
    const rest = await listParticipants(w.deps, w.host, { group: "audience", limit: 2, cursor: first.nextCursor! });
    expect([...first.participants, ...rest.participants].map((p) => p.id)).toEqual(guests.map((g) => g.participantId));
    expect(rest.nextCursor).toBeNull();
    const name = w.participant(guests[1]!).displayName;
    expect((await listParticipants(w.deps, w.host, { group: "audience", limit: 10, q: name.toUpperCase() })).participants.map((p) => p.id)).toEqual([
      guests[1]!.participantId,
    ]);
    expect(await codeOf(listParticipants(w.deps, guests[0]!, { group: "hands", limit: 10 }))).toBe("FORBIDDEN");
  });
});

describe("presence", () => {
  it("a connection brings an away participant back and tells the call; its snapshot is bounded and has the admin's hand queue", async () => {
    const w = await callWorld();
    const guest = await w.join();
    expect(await connectParticipant(w.deps, guest)).toEqual({ role: "listener" });
    expect(w.notifier.of("participantUpdated").at(-1)![1]).toMatchObject({ id: guest.participantId, presence: "online" });
    const state = await callState(w.deps, w.host);
    expect(state.stage.map((p) => p.id)).toEqual([w.host.participantId]);
    expect(state.audience.count).toEqual({ total: 1, away: 0, hands: 0 });
    expect(state.hands).toEqual({ participants: [], nextCursor: null });
    expect((await callState(w.deps, guest)).hands).toBeNull();
  });

  it("a closed connection marks them away; the sweep lets them go after the timeout and ends a call empty past its grace", async () => {
    const w = await callWorld();
    await connectParticipant(w.deps, w.host);
    await disconnectParticipant(w.deps, w.host);
    expect(w.participant(w.host).awaySince).toEqual(w.clock.now());
    w.clock.advance(w.deps.config.presenceTimeoutMs + 1);
    await sweepPresence(w.deps);
    expect(w.participant(w.host).leftAt).not.toBeNull();
    expect(w.db.calls.get(w.callId)!.endedAt).toBeNull();
    w.clock.advance(w.deps.config.callGraceMs + 1);
    await sweepPresence(w.deps);
    expect(w.db.calls.get(w.callId)!.endedAt).not.toBeNull();
    expect(w.db.moderation.at(-1)).toMatchObject({ action: "end", actorId: null });
  });

  it("markAway turns a node's people away (a node starting) and tells their calls", async () => {
    const w = await callWorld();
    await connectParticipant(w.deps, w.host);
    await markAway(w.deps, w.clock.now(), { node: "node-a" });
    expect(w.participant(w.host).awaySince).not.toBeNull();
    expect(w.notifier.of("participantUpdated").at(-1)![1].presence).toBe("away");
  });
});

describe("audio", () => {
  it("renewAudioAccess mints a token for the role held now, and is refused once removed", async () => {
    const w = await callWorld();
    const guest = await w.join("speaker");
    expect(await renewAudioAccess(w.deps, guest, AUDIO_URL)).toEqual({ url: AUDIO_URL, token: `token:${w.callId}:${guest.participantId}:speaker` });
    await leaveCall(w.deps, guest);
    expect(await codeOf(renewAudioAccess(w.deps, guest, AUDIO_URL))).toBe("PARTICIPANT_LEFT");
  });

  it("media-server events track who is in audio and publishing, re-apply the role on join, and kick strangers", async () => {
    const w = await callWorld();
    const guest = await w.join("speaker");
    await handleAudioEvent(w.deps, { kind: "joined", callId: w.callId, participantId: guest.participantId });
    await handleAudioEvent(w.deps, { kind: "published", callId: w.callId, participantId: guest.participantId, microphone: true });
    expect(w.participant(guest)).toMatchObject({ inAudio: true, publishing: true });
    expect(w.audio.calls).toContain(`applyRole ${guest.participantId} -→speaker`);
    await handleAudioEvent(w.deps, { kind: "joined", callId: w.callId, participantId: "stranger" });
    expect(w.audio.calls).toContain("remove stranger");
    await leaveCall(w.deps, guest);
    w.notifier.clear();
    await handleAudioEvent(w.deps, { kind: "left", callId: w.callId, participantId: guest.participantId });
    expect(w.participant(guest).inAudio).toBe(false);
    expect(w.notifier.sent).toEqual([]); // someone who left stays gone
  });
});

describe("lookups of calls that do not exist", () => {
  it("are counted per address (other errors are not) until the address is refused before looking", async () => {
    const w = memoryDeps({ env: { LOOKUP_FAIL_RATE_PER_MIN: "0.001", LOOKUP_FAIL_BURST: "2" } });
    const { limits } = w.deps;
    await countFailedLookup(limits, "10.9.0.1", new AppError("FORBIDDEN", "not a lookup"));
    await checkLookupBudget(limits, "10.9.0.1");
    for (let i = 0; i < 2; i++) await countFailedLookup(limits, "10.9.0.1", new AppError("CALL_NOT_FOUND", "no such call"));
    expect(await codeOf(checkLookupBudget(limits, "10.9.0.1"))).toBe("RATE_LIMITED");
    expect(await codeOf(checkLookupBudget(limits, "10.9.0.2"))).toBe("OK");
  });
});
