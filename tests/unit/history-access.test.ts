import { describe, expect, it } from "vitest";
import { historyAccess } from "@/lib/domain/history-access";

const member = (m: Partial<{ removedAt: Date; banned: boolean; accountDisabled: boolean }> = {}) => ({
  removedAt: m.removedAt ?? null,
  banned: m.banned ?? false,
  accountDisabled: m.accountDisabled ?? false,
});

describe("who may read a call's history", () => {
  const removal = new Date("2026-11-01T10:00:00Z");
  it("people who were in it read all of it; strangers nothing", () => {
    expect(historyAccess({ siteAdmin: false, member: member() })).toEqual({ ok: true, until: null });
    expect(historyAccess({ siteAdmin: false, member: null })).toEqual({ ok: false });
  });
  it("a removed person reads up to their removal", () => {
    expect(historyAccess({ siteAdmin: false, member: member({ removedAt: removal }) })).toEqual({ ok: true, until: removal });
  });
  it("a banned person, or a disabled account, reads nothing", () => {
    expect(historyAccess({ siteAdmin: false, member: member({ removedAt: removal, banned: true }) })).toEqual({ ok: false });
    expect(historyAccess({ siteAdmin: false, member: member({ removedAt: removal, accountDisabled: true }) })).toEqual({ ok: false });
  });
  it("site admins read everything", () => {
    expect(historyAccess({ siteAdmin: true, member: null })).toEqual({ ok: true, until: null });
    expect(historyAccess({ siteAdmin: true, member: member({ banned: true }) })).toEqual({ ok: true, until: null });
  });
});
