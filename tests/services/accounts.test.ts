import { describe, expect, it } from "vitest";
import { AdminCallsQuerySchema, AdminUsersQuerySchema } from "@/lib/contracts/admin";
import { MyCallsQuerySchema } from "@/lib/contracts/history";
import { authenticate, changePassword, isSiteAdmin, myAccount, signUp, updateProfile } from "@/lib/services/accounts";
import { callHistory, listMyCalls } from "@/lib/services/call-history";
import { createCall } from "@/lib/services/create-call";
import { requireHistoryViewer } from "@/lib/services/history-access";
import { joinCall } from "@/lib/services/join-call";
import { removeParticipant } from "@/lib/services/moderate-participant";
import { sendMessage } from "@/lib/services/send-message";
import { endAnyCall, inspectCall, inspectModerationLog, joinAsAdmin, listCalls, listUsers, requireSiteAdmin, setUserDisabled } from "@/lib/services/site-admin";
import { callerForUser, visitorFor } from "@/lib/services/visitors";
import { memoryDeps } from "../support/memory-ports";
import { AUDIO_URL, callWorld, codeOf } from "./world";

const signUpBody = (email: string, name = "Ada") => ({ email, name, password: "correct horse" });

describe("accounts", () => {
  it("sign up, sign in, read and edit the account; a taken email is refused; wrong passwords are the same null", async () => {
    const { accounts } = memoryDeps();
    const ada = await signUp(accounts, signUpBody("ada@example.com"), "10.0.0.1");
    expect(ada).toMatchObject({ email: "ada@example.com", name: "Ada", isSiteAdmin: false, hasPassword: true });
    expect(await codeOf(signUp(accounts, signUpBody("ada@example.com"), "10.0.0.2"))).toBe("EMAIL_TAKEN");
    expect((await authenticate(accounts, "ada@example.com", "correct horse", "10.0.0.1"))?.id).toBe(ada.id);
    expect(await authenticate(accounts, "ada@example.com", "wrong", "10.0.0.1")).toBeNull();
    expect(await authenticate(accounts, "nobody@example.com", "correct horse", "10.0.0.1")).toBeNull();
    expect((await updateProfile(accounts, ada.id, "Ada L.")).name).toBe("Ada L.");
    expect(await codeOf(changePassword(accounts, ada.id, "wrong", "new password"))).toBe("FORBIDDEN");
    await changePassword(accounts, ada.id, "correct horse", "new password");
    expect((await authenticate(accounts, "ada@example.com", "new password", "10.0.0.1"))?.id).toBe(ada.id);
    expect((await myAccount(accounts, ada.id)).name).toBe("Ada L.");
  });

  it("sign-in attempts are limited per email and address", async () => {
    const { accounts } = memoryDeps({ env: { SIGNIN_RATE_PER_MIN: "0.001", SIGNIN_BURST: "2" } });
    await authenticate(accounts, "ada@example.com", "x", "10.0.0.1");
    await authenticate(accounts, "ada@example.com", "x", "10.0.0.1");
    expect(await codeOf(authenticate(accounts, "ada@example.com", "x", "10.0.0.1"))).toBe("RATE_LIMITED");
  });

  it("site admins are the ADMIN_EMAILS accounts, not disabled; a session stands until the account signs out", async () => {
    const { accounts, deps } = memoryDeps();
    const root = await signUp(accounts, signUpBody("root@example.com", "Root"), "10.0.0.1");
    const ada = await signUp(accounts, signUpBody("ada@example.com"), "10.0.0.1");
    expect([await isSiteAdmin(accounts, root.id), await isSiteAdmin(accounts, ada.id)]).toEqual([true, false]);
    expect(await codeOf(requireSiteAdmin(accounts, { id: ada.id, name: "Ada" }))).toBe("FORBIDDEN");
    expect(await visitorFor(deps, { userId: ada.id, version: 0 })).toEqual({ id: ada.id, name: "Ada" });
    await deps.users.endSessions(ada.id);
    expect(await visitorFor(deps, { userId: ada.id, version: 0 })).toBeNull();
  });
});

describe("history", () => {
  it("a member reads the transcript and role timeline; a stranger gets the 404 of a call that does not exist", async () => {
    const w = await callWorld({ defaultRole: "chatter" });
    await sendMessage(w.deps, w.host, { clientId: "m", body: "welcome" });
    const guest = await w.join();
    const history = await callHistory(w.deps, w.accounts, w.callId, { caller: guest, user: null }, { limit: 50 });
    expect(history.messages.map((m) => m.body)).toEqual(["welcome"]);
    expect(history.participants.map((p) => p.roles.map((r) => r.role))).toEqual([["admin"], ["chatter"]]);
    expect(await codeOf(callHistory(w.deps, w.accounts, w.callId, { caller: null, user: { id: "u-x", name: "X" } }, { limit: 50 }))).toBe("CALL_NOT_FOUND");
  });

  it("someone removed reads only up to their removal; someone banned reads nothing", async () => {
    const w = await callWorld({ defaultRole: "chatter" });
    const removed = await w.join();
    const banned = await w.join();
    await removeParticipant(w.deps, w.host, removed.participantId);
    await removeParticipant(w.deps, w.host, banned.participantId, true);
    w.clock.advance(1000);
    await sendMessage(w.deps, w.host, { clientId: "later", body: "after they left" });
    expect((await requireHistoryViewer(w.deps, w.accounts, w.callId, { caller: removed, user: null })).until).toEqual(new Date(w.clock.now().getTime() - 1000));
    expect((await callHistory(w.deps, w.accounts, w.callId, { caller: removed, user: null }, { limit: 50 })).messages).toEqual([]);
    expect(await codeOf(callHistory(w.deps, w.accounts, w.callId, { caller: banned, user: null }, { limit: 50 }))).toBe("CALL_NOT_FOUND");
  });

  it("My calls lists the calls an account hosted or joined, newest first, with a cursor", async () => {
    const w = memoryDeps();
    const ada = { id: "u-ada", name: "Ada" };
    for (const title of ["first", "second", "third"]) {
      w.clock.advance(60_000);
      await createCall(w.deps, { defaultRole: "listener", title }, AUDIO_URL, { user: ada, deviceId: null, address: "10.0.0.1" });
    }
    const page = await listMyCalls(w.deps, ada, MyCallsQuerySchema.parse({ limit: "2" }));
    expect(page.calls.map((c) => [c.call.title, c.role, c.live])).toEqual([
      ["third", "admin", true],
      ["second", "admin", true],
    ]);
    const rest = await listMyCalls(w.deps, ada, MyCallsQuerySchema.parse({ limit: "2", cursor: page.nextCursor }));
    expect(rest.calls.map((c) => c.call.title)).toEqual(["first"]);
    expect(await callerForUser(w.deps, page.calls[0]!.call.id, ada)).toMatchObject({ participantId: expect.any(String) });
  });
});

describe("site admin", () => {
  async function withRoot() {
    const w = await callWorld();
    const rootDto = await signUp(w.accounts, signUpBody("root@example.com", "Root"), "10.0.0.1");
    return { ...w, root: { id: rootDto.id, name: "Root" } };
  }

  it("lists and inspects any call with its log, and ends it as the site", async () => {
    const w = await withRoot();
    expect((await listCalls(w.deps, AdminCallsQuerySchema.parse({}))).calls.map((c) => c.id)).toEqual([w.callId]);
    expect((await inspectCall(w.deps, w.accounts, w.root, w.callId)).call.id).toBe(w.callId);
    await endAnyCall(w.deps, w.root, w.callId);
    expect(w.db.calls.get(w.callId)!.endedAt).not.toBeNull();
    expect((await inspectModerationLog(w.deps, w.callId, { limit: 50 })).entries[0]).toMatchObject({
      action: "end",
      actorId: null,
      actorName: "Root (site admin)",
    });
    expect(await codeOf(endAnyCall(w.deps, w.root, "no-such-call"))).toBe("CALL_NOT_FOUND");
  });

  it("joinAsAdmin joins past a lock and is made admin through the one role-change path (told, logged, token for admin)", async () => {
    const w = await withRoot();
    w.db.calls.get(w.callId)!.locked = true;
    const s = await joinAsAdmin(w.deps, w.root, w.callId, AUDIO_URL);
    expect(s.participant).toMatchObject({ role: "admin", displayName: "Root" });
    expect(s.livekit?.token).toBe(`token:${w.callId}:${s.participant.id}:admin`);
    expect(w.notifier.of("participantUpdated").at(-1)).toEqual([w.callId, s.participant, "listener"]);
    expect(w.db.moderation.at(-1)).toMatchObject({ action: "role", actorId: null, after: "admin" });
  });

  it("lists accounts and disables one: signed out of its calls at once", async () => {
    const w = await withRoot();
    const ada = await signUp(w.accounts, signUpBody("ada@example.com"), "10.0.0.2");
    const joined = await joinCall(
      w.deps,
      w.callId,
      { returningParticipantId: null, user: { id: ada.id, name: "Ada" }, deviceId: null, address: "10.0.0.2" },
      AUDIO_URL,
    );
    expect((await listUsers(w.deps, w.accounts, AdminUsersQuerySchema.parse({}))).users.map((u) => u.email).sort()).toEqual([
      "ada@example.com",
      "root@example.com",
    ]);
    expect((await setUserDisabled(w.deps, w.accounts, w.root, ada.id, true)).disabled).toBe(true);
    expect(w.notifier.of("disconnectParticipant")).toEqual([[joined.participant.id]]);
    expect(w.db.participants.get(joined.participant.id)!.removedAt).not.toBeNull();
    expect(await codeOf(setUserDisabled(w.deps, w.accounts, w.root, w.root.id, true))).toBe("FORBIDDEN");
    expect(await codeOf(setUserDisabled(w.deps, w.accounts, w.root, "u-none", true))).toBe("USER_NOT_FOUND");
  });
});
