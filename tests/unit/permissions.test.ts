import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/contracts/roles";
import { can, refusal, type Action } from "@/lib/domain/permissions";
import { roleChangeDecision, roleChangeLowersHand, type RoleChangeFacts } from "@/lib/domain/role-change";

describe("permission matrix (API.md)", () => {
  const expected: Record<Action, Role[]> = {
    hearAudio: ["listener", "chatter", "speaker", "admin"],
    readChat: ["listener", "chatter", "speaker", "admin"],
    sendChat: ["chatter", "speaker", "admin"],
    publishMicrophone: ["speaker", "admin"],
    moderate: ["admin"],
  };
  for (const [action, allowed] of Object.entries(expected) as [Action, Role[]][]) {
    for (const role of ROLES) {
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed.includes(role));
      });
    }
  }

  it("explains a refusal in a sentence", () => {
    expect(refusal("listener", "sendChat")).toBe("You are a listener; only chatters, speakers and admins can do that.");
  });
});

describe("role changes", () => {
  const base: RoleChangeFacts & { newRole: Role } = {
    actor: { id: "a", role: "admin" },
    target: { id: "t", role: "listener", left: false },
    newRole: "speaker",
    hostId: "h",
    presentAdminCount: 2,
  };
  const code = (f: RoleChangeFacts & { newRole: Role }) => {
    const d = roleChangeDecision(f);
    return d.ok ? "OK" : d.code;
  };

  it("lets an admin promote and demote", () => {
    expect(code(base)).toBe("OK");
    expect(code({ ...base, target: { ...base.target, role: "admin" }, newRole: "chatter" })).toBe("OK");
  });

  it("refuses every non-admin, with the sentence the panel shows", () => {
    for (const role of ["listener", "chatter", "speaker"] as const) expect(code({ ...base, actor: { id: "a", role } })).toBe("FORBIDDEN");
    expect(roleChangeDecision({ ...base, actor: { id: "a", role: "speaker" } })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      reason: refusal("speaker", "moderate"),
    });
  });

  it("protects the host from other admins", () => {
    expect(code({ ...base, target: { id: "h", role: "admin", left: false }, newRole: "listener" })).toBe("HOST_PROTECTED");
  });

  it("lets the host step down while another admin remains", () => {
    expect(code({ ...base, actor: { id: "h", role: "admin" }, target: { id: "h", role: "admin", left: false }, newRole: "speaker" })).toBe("OK");
  });

  it("stops the last admin demoting themselves", () => {
    const self = { ...base, actor: { id: "a", role: "admin" as const }, target: { id: "a", role: "admin" as const, left: false }, newRole: "speaker" as const };
    expect(code({ ...self, presentAdminCount: 1 })).toBe("LAST_ADMIN");
    expect(code({ ...self, presentAdminCount: 2 })).toBe("OK");
  });

  it("refuses acting on someone who has left", () => {
    expect(code({ ...base, target: { ...base.target, left: true } })).toBe("PARTICIPANT_LEFT");
    expect(code({ ...base, newRole: "listener", target: { ...base.target, left: true } })).toBe("PARTICIPANT_LEFT");
  });

  it("allows giving the same role (it changes nothing) to anyone who may moderate", () => {
    expect(code({ ...base, newRole: "listener" })).toBe("OK");
    expect(code({ ...base, newRole: "listener", actor: { id: "a", role: "chatter" } })).toBe("FORBIDDEN");
  });

  it("lowers a raised hand on a promotion only", () => {
    expect(roleChangeLowersHand("listener", "chatter")).toBe(true);
    expect(roleChangeLowersHand("chatter", "speaker")).toBe(true);
    expect(roleChangeLowersHand("speaker", "listener")).toBe(false);
    expect(roleChangeLowersHand("chatter", "chatter")).toBe(false);
  });
});
