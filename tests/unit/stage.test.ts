import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/contracts/roles";
import { groupOf, isOnStage, rolesOf } from "@/lib/domain/stage";

describe("stage and audience", () => {
  it("puts admins and speakers on stage, chatters and listeners in the audience", () => {
    expect(ROLES.map((r) => [r, groupOf(r)])).toEqual([
      ["listener", "audience"],
      ["chatter", "audience"],
      ["speaker", "stage"],
      ["admin", "stage"],
    ]);
    expect(isOnStage("speaker")).toBe(true);
    expect(isOnStage("chatter")).toBe(false);
  });

  it("lists each group's roles for queries, every role in exactly one group", () => {
    expect([...rolesOf("stage"), ...rolesOf("audience")].sort()).toEqual([...ROLES].sort());
    for (const r of rolesOf("stage")) expect(groupOf(r)).toBe("stage");
    for (const r of rolesOf("audience")) expect(groupOf(r)).toBe("audience");
  });
});
