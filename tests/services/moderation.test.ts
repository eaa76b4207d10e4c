import { describe, expect, it } from "vitest";
import { setDefaultRole, setLocked } from "@/lib/services/call-controls";
import { dismissHand, inviteToSpeak, lowerAllHands, setHandRaised } from "@/lib/services/hands";
import { muteAllSpeakers, muteParticipant, removeParticipant } from "@/lib/services/moderate-participant";
import { listModerationLog } from "@/lib/services/moderation-log";
import { setRole } from "@/lib/services/set-role";
import { leaveCall } from "@/lib/services/leave-call";
import { setMuted } from "@/lib/services/set-self-state";
import { joinCall } from "@/lib/services/join-call";
import { AUDIO_URL, callWorld, codeOf } from "./world";

const page = { limit: 50 } as const;

describe("setRole", () => {
  it("promotes, lowers the raised hand, tells everyone with the old role, moves the audio grants and logs once", async () => {
    const w = await callWorld();
    const guest = await w.join();
    await setHandRaised(w.deps, guest, true);
    w.notifier.clear();
    const dto = await setRole(w.deps, w.host, { participantId: guest.participantId, role: "speaker" });
    expect(dto).toMatchObject({ role: "speaker", handRaised: false });
    expect(w.notifier.of("participantUpdated")).toEqual([[w.callId, dto, "listener"]]);
    expect(w.notifier.of("moderationLogged").map(([, e]) => [e.action, e.before, e.after])).toEqual([["role", "listener", "speaker"]]);
    expect(w.audio.calls).toEqual([`applyRole ${guest.participantId} listener→speaker`]);
  });

  it("keeps a raised hand on a demotion, and giving the same role changes and logs nothing", async () => {
    const w = await callWorld({ defaultRole: "chatter" });
    const guest = await w.join();
    await setHandRaised(w.deps, guest, true);
    expect((await setRole(w.deps, w.host, { participantId: guest.participantId, role: "listener" })).handRaised).toBe(true);
    w.notifier.clear();
    await setRole(w.deps, w.host, { participantId: guest.participantId, role: "listener" });
    expect(w.notifier.sent).toEqual([]);
    expect(w.db.moderation.filter((e) => e.action === "role")).toHaveLength(1);
  });

  it("refuses non-admins, protects the host, and keeps the last admin", async () => {
    const w = await callWorld();
    const speaker = await w.join("speaker");
    const coAdmin = await w.join("admin");
    expect(await codeOf(setRole(w.deps, speaker, { participantId: speaker.participantId, role: "admin" }))).toBe("FORBIDDEN");
    expect(await codeOf(setRole(w.deps, coAdmin, { participantId: w.host.participantId, role: "listener" }))).toBe("HOST_PROTECTED");
    // Two admins present: the co-admin may step down; then the host is the last one.
    expect(await codeOf(setRole(w.deps, coAdmin, { participantId: coAdmin.participantId, role: "speaker" }))).toBe("OK");
    expect(await codeOf(setRole(w.deps, w.host, { participantId: w.host.participantId, role: "speaker" }))).toBe("LAST_ADMIN");
  });

  it("counts only admins present: an admin who left does not keep the call staffed", async () => {
    const w = await callWorld();
    const coAdmin = await w.join("admin");
    await leaveCall(w.deps, coAdmin);
    expect(await codeOf(setRole(w.deps, w.host, { participantId: w.host.participantId, role: "listener" }))).toBe("LAST_ADMIN");
  });

  it("refuses acting on someone who left, or who is not in the call", async () => {
    const w = await callWorld();
    const guest = await w.join();
    await leaveCall(w.deps, guest);
    expect(await codeOf(setRole(w.deps, w.host, { participantId: guest.participantId, role: "speaker" }))).toBe("PARTICIPANT_LEFT");
    expect(await codeOf(setRole(w.deps, w.host, { participantId: "nobody", role: "speaker" }))).toBe("PARTICIPANT_NOT_FOUND");
  });

  it("is refused at the moment of writing when the actor lost admin meanwhile (the store re-checks)", async () => {
    const w = await callWorld();
    const coAdmin = await w.join("admin");
    const guest = await w.join();
    // Demoted between their check and their write: simulate by demoting in the store directly after the check would pass.
    const changeRole = w.deps.moderation.changeRole;
    w.deps.moderation.changeRole = async (...args) => {
      w.db.participants.get(coAdmin.participantId)!.role = "speaker";
      return changeRole(...args);
    };
    expect(await codeOf(setRole(w.deps, coAdmin, { participantId: guest.participantId, role: "speaker" }))).toBe("FORBIDDEN");
    expect(w.participant(guest).role).toBe("listener");
  });

  it("keeps working when the media server is down (degraded mode)", async () => {
    const w = await callWorld();
    const guest = await w.join();
    w.audio.down = true;
    expect((await setRole(w.deps, w.host, { participantId: guest.participantId, role: "speaker" })).role).toBe("speaker");
  });
});

describe("hands", () => {
  it("a listener raises and lowers their hand; the change is logged as theirs and shown", async () => {
    const w = await callWorld();
    const guest = await w.join();
    const up = await setHandRaised(w.deps, guest, true);
    expect(up.handRaised).toBe(true);
    expect(up.handRaisedAt).toBe(w.clock.now().toISOString());
    await setHandRaised(w.deps, guest, true); // again: nothing new
    await setHandRaised(w.deps, guest, false);
    expect(w.db.hands.map((h) => [h.raised, h.byName])).toEqual([
      [true, null],
      [false, null],
    ]);
    expect(w.notifier.of("participantUpdated")).toHaveLength(2);
  });

  it("someone who can already speak may not raise a hand, but may lower one", async () => {
    const w = await callWorld();
    const speaker = await w.join("speaker");
    expect(await codeOf(setHandRaised(w.deps, speaker, true))).toBe("FORBIDDEN");
    expect(await codeOf(setHandRaised(w.deps, speaker, false))).toBe("OK");
  });

  it("inviteToSpeak promotes as speaker (or a listener as chatter), lowers the hand and tells them", async () => {
    const w = await callWorld();
    const a = await w.join();
    const b = await w.join();
    await setHandRaised(w.deps, a, true);
    expect(await inviteToSpeak(w.deps, w.host, a.participantId, "speaker")).toMatchObject({ role: "speaker", handRaised: false });
    expect((await inviteToSpeak(w.deps, w.host, b.participantId, "chatter")).role).toBe("chatter");
    const notices = w.notifier.of("notice");
    expect(notices.map(([id, n]) => [id, n.code])).toEqual([
      [a.participantId, "HAND_ACCEPTED"],
      [b.participantId, "HAND_ACCEPTED"],
    ]);
    expect(notices[0]![1].message).toContain("you can speak now");
  });

  it("inviteToSpeak follows the role-change rules: admins only, never the host, only as what the target may become", async () => {
    const w = await callWorld();
    const chatter = await w.join("chatter");
    const coAdmin = await w.join("admin");
    expect(await codeOf(inviteToSpeak(w.deps, chatter, coAdmin.participantId, "speaker"))).toBe("FORBIDDEN");
    expect(await codeOf(inviteToSpeak(w.deps, coAdmin, w.host.participantId, "speaker"))).toBe("HOST_PROTECTED");
    expect(await codeOf(inviteToSpeak(w.deps, w.host, chatter.participantId, "chatter"))).toBe("INVALID_INPUT");
    expect(await codeOf(inviteToSpeak(w.deps, w.host, coAdmin.participantId, "speaker"))).toBe("INVALID_INPUT");
    // Nobody was told their hand was accepted (the co-admin's promotion when the world was made is told as a role change).
    expect(w.notifier.of("notice").filter(([, n]) => n.code === "HAND_ACCEPTED")).toEqual([]);
  });

  it("dismissHand lowers one hand with a notice; a lowered hand is left alone", async () => {
    const w = await callWorld();
    const guest = await w.join();
    await setHandRaised(w.deps, guest, true);
    w.notifier.clear();
    expect((await dismissHand(w.deps, w.host, guest.participantId)).handRaised).toBe(false);
    await dismissHand(w.deps, w.host, guest.participantId);
    expect(w.notifier.of("notice").map(([, n]) => n.code)).toEqual(["HAND_DISMISSED"]);
    expect(w.db.hands.at(-1)).toMatchObject({ raised: false, byName: w.participant(w.host).displayName });
    expect(await codeOf(dismissHand(w.deps, guest, guest.participantId))).toBe("FORBIDDEN");
  });

  it("lowerAllHands clears the whole queue, page after page", async () => {
    const w = await callWorld();
    const guests = await Promise.all(Array.from({ length: 5 }, () => w.join()));
    for (const g of guests) await setHandRaised(w.deps, g, true);
    await lowerAllHands(w.deps, w.host);
    expect(guests.every((g) => !w.participant(g).handRaised)).toBe(true);
    expect(w.notifier.of("notice")).toHaveLength(5);
    expect(await codeOf(lowerAllHands(w.deps, guests[0]!))).toBe("FORBIDDEN");
  });
});

describe("mute, remove, ban", () => {
  it("muteParticipant mutes on the media server, tells them who did it, logs once", async () => {
    const w = await callWorld();
    const speaker = await w.join("speaker", { unmuted: true });
    w.notifier.clear();
    expect((await muteParticipant(w.deps, w.host, speaker.participantId)).muted).toBe(true);
    await muteParticipant(w.deps, w.host, speaker.participantId);
    expect(w.notifier.of("notice").map(([, n]) => n.code)).toEqual(["MUTED_BY_ADMIN"]);
    expect(w.db.moderation.filter((e) => e.action === "mute")).toHaveLength(1);
    expect(w.audio.calls.filter((c) => c.startsWith("mute"))).toHaveLength(2);
    expect(await codeOf(muteParticipant(w.deps, speaker, w.host.participantId))).toBe("FORBIDDEN");
  });

  it("muteAllSpeakers mutes the stage but the caller, and only admins may", async () => {
    const w = await callWorld();
    const a = await w.join("speaker", { unmuted: true });
    const b = await w.join("admin", { unmuted: true });
    const listener = await w.join(undefined, { unmuted: true });
    await setMuted(w.deps, w.host, false);
    expect(await codeOf(muteAllSpeakers(w.deps, a))).toBe("FORBIDDEN");
    expect(w.participant(b).muted).toBe(false);
    await muteAllSpeakers(w.deps, w.host);
    expect([w.participant(a).muted, w.participant(b).muted, w.participant(w.host).muted, w.participant(listener).muted]).toEqual([true, true, false, false]);
  });

  it("removeParticipant disconnects them, tells the call, is logged once; through the link they come back (Remove is not Ban)", async () => {
    const w = await callWorld();
    const guest = await w.join();
    await removeParticipant(w.deps, w.host, guest.participantId, false);
    await removeParticipant(w.deps, w.host, guest.participantId, false);
    expect(w.notifier.of("disconnectParticipant")).toEqual([[guest.participantId]]);
    expect(w.notifier.of("participantLeft")).toEqual([[w.callId, guest.participantId, "listener"]]);
    expect(w.audio.calls).toContain(`remove ${guest.participantId}`);
    expect(w.db.moderation.filter((e) => e.action === "remove")).toHaveLength(1);
    const rejoin = await joinCall(
      w.deps,
      w.callId,
      { returningParticipantId: guest.participantId, user: null, deviceId: "dev-1", address: "10.0.1.1" },
      AUDIO_URL,
    );
    expect(rejoin.participant.id).toBe(guest.participantId);
    expect(w.participant(guest).removedAt).toBeNull();
  });

  it("a ban keeps their browser out as a new guest too; nobody may remove themselves or the host", async () => {
    const w = await callWorld();
    const guest = await w.join();
    const coAdmin = await w.join("admin");
    await removeParticipant(w.deps, w.host, guest.participantId, true);
    expect(w.db.moderation.filter((e) => e.action === "ban").map((e) => e.after)).toEqual(["browser"]);
    const fresh = joinCall(w.deps, w.callId, { returningParticipantId: null, user: null, deviceId: "dev-1", address: "10.9.9.9" }, AUDIO_URL);
    expect(await codeOf(fresh)).toBe("BANNED");
    expect(await codeOf(removeParticipant(w.deps, coAdmin, coAdmin.participantId))).toBe("FORBIDDEN");
    expect(await codeOf(removeParticipant(w.deps, coAdmin, w.host.participantId, true))).toBe("HOST_PROTECTED");
  });
});

describe("call controls and the log", () => {
  it("lock and default role apply once, tell everyone, and go on the log admins read", async () => {
    const w = await callWorld();
    expect((await setLocked(w.deps, w.host, true)).locked).toBe(true);
    await setLocked(w.deps, w.host, true);
    expect((await setDefaultRole(w.deps, w.host, "chatter")).defaultRole).toBe("chatter");
    expect(w.notifier.of("callUpdated")).toHaveLength(2);
    const log = await listModerationLog(w.deps, w.host, page);
    expect(log.entries.map((e) => e.action)).toEqual(["default-role", "lock"]);
    const late = joinCall(w.deps, w.callId, { returningParticipantId: null, user: null, deviceId: "dev-x", address: "10.2.0.1" }, AUDIO_URL);
    expect(await codeOf(late)).toBe("CALL_LOCKED");
  });

  it("only admins lock, set the default role or read the live log", async () => {
    const w = await callWorld();
    const speaker = await w.join("speaker");
    expect(await codeOf(setLocked(w.deps, speaker, true))).toBe("FORBIDDEN");
    expect(await codeOf(setDefaultRole(w.deps, speaker, "speaker"))).toBe("FORBIDDEN");
    expect(await codeOf(listModerationLog(w.deps, speaker, page))).toBe("FORBIDDEN");
  });

  it("moderation writes are rate limited per admin", async () => {
    const w = await callWorld({ env: { MODERATION_RATE_PER_MIN: "0.001", MODERATION_BURST: "2" } });
    await setLocked(w.deps, w.host, true);
    await setLocked(w.deps, w.host, false);
    expect(await codeOf(setLocked(w.deps, w.host, true))).toBe("RATE_LIMITED");
  });
});
