import { describe, expect, it } from "vitest";
import type { AudienceChanges, AudienceCount } from "@/lib/contracts/dto";
import { AudienceCoalescer, windowsPerCount, type AudienceNews } from "@/lib/realtime/audience-coalescer";
import { participant } from "../support/client-fixtures";

/** A fake clock: timers run only when the test advances time. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => (timers.set(++seq, { at: now + ms, fn }), seq),
      clearTimeout: (h: unknown) => void timers.delete(h as number),
    },
    pending: () => timers.size,
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        // Let the flush's count read settle.
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = until;
    },
  };
}

function setup(count: AudienceCount = { total: 0, away: 0, hands: 0 }) {
  const clock = fakeTimers();
  const counts: AudienceCount[] = [];
  const batches: AudienceChanges[] = [];
  const shared: AudienceNews[] = [];
  let current = count;
  const c = new AudienceCoalescer({
    intervalMs: 1000,
    readCount: async () => current,
    sink: { count: (_id, n) => counts.push(n), changes: (_id, ch) => batches.push(ch), share: (_id, news) => shared.push(news) },
    timers: clock.timers,
    onError: (e) => {
      throw e;
    },
  });
  return { c, clock, counts, batches, shared, setCount: (n: AudienceCount) => void (current = n) };
}

const ids = (ch: AudienceChanges) => ({ joined: ch.joined.map((p) => p.id), updated: ch.updated.map((p) => p.id), left: ch.left });

describe("audience coalescer", () => {
  it("tells a big audience its count less often (a write per listener each time), and always the last one", async () => {
    expect([0, 999, 1000, 1001, 5000].map(windowsPerCount)).toEqual([1, 1, 1, 2, 5]);
    const { c, clock, counts, batches, setCount } = setup();
    let total = 4000;
    for (let second = 0; second < 10; second++) {
      c.joined("call", participant(`p${second}`));
      setCount({ total: ++total, away: 0, hands: 0 });
      await clock.advance(1000);
    }
    expect(batches).toHaveLength(10); // admins still get every window's changes
    expect(counts.map((n) => n.total)).toEqual([4001, 4006]); // then every 5 windows at 4,000-5,000
    await clock.advance(10_000); // the storm is over: the count owed is still told, once
    expect(counts.map((n) => n.total)).toEqual([4001, 4006, 4010]);
    expect(clock.pending()).toBe(0);
  });

  it("turns a storm of joins into one batch and one count per interval", async () => {
    const { c, clock, counts, batches, setCount } = setup();
    for (let i = 0; i < 500; i++) c.joined("call", participant(`p${i}`));
    setCount({ total: 500, away: 0, hands: 0 });
    expect(batches).toHaveLength(0);
    await clock.advance(999);
    expect(batches).toHaveLength(0);
    await clock.advance(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.joined).toHaveLength(500);
    expect(counts).toEqual([{ total: 500, away: 0, hands: 0 }]);
  });

  it("never flushes a call twice within an interval, and stops when the call is quiet", async () => {
    const { c, clock, batches, setCount } = setup();
    for (let t = 0; t < 5000; t += 100) {
      c.joined("call", participant(`p${t}`));
      setCount({ total: t / 100 + 1, away: 0, hands: 0 });
      await clock.advance(100);
    }
    expect(batches.length).toBeGreaterThanOrEqual(4);
    expect(batches.length).toBeLessThanOrEqual(5);
    await clock.advance(3000);
    expect(clock.pending()).toBe(0);
  });

  it("sends a count only when it changed", async () => {
    const { c, clock, counts } = setup({ total: 3, away: 0, hands: 0 });
    c.updated("call", participant("a"));
    await clock.advance(1000);
    c.updated("call", participant("a", { presence: "away" }));
    await clock.advance(1000);
    expect(counts).toEqual([{ total: 3, away: 0, hands: 0 }]);
  });

  it("keeps one entry per person, the latest: a join then an update is still a join", async () => {
    const { c, clock, batches } = setup();
    c.joined("call", participant("a"));
    c.updated("call", participant("a", { presence: "away" }));
    c.updated("call", participant("b"));
    await clock.advance(1000);
    expect(ids(batches[0]!)).toEqual({ joined: ["a"], updated: ["b"], left: [] });
    expect(batches[0]!.joined[0]!.presence).toBe("away");
  });

  it("drops updates about someone who left, in the same window and later ones", async () => {
    const { c, clock, batches } = setup();
    c.joined("call", participant("a"));
    c.left("call", "a");
    c.updated("call", participant("a", { presence: "away" }));
    await clock.advance(1000);
    c.updated("call", participant("a", { muted: false }));
    await clock.advance(1000);
    expect(batches.map(ids)).toEqual([{ joined: [], updated: [], left: ["a"] }]);
  });

  it("lets someone who left come back by joining again", async () => {
    const { c, clock, batches } = setup();
    c.left("call", "a");
    await clock.advance(1000);
    c.joined("call", participant("a"));
    c.updated("call", participant("a", { presence: "away" }));
    await clock.advance(1000);
    expect(batches.map(ids)).toEqual([
      { joined: [], updated: [], left: ["a"] },
      { joined: ["a"], updated: [], left: [] },
    ]);
  });

  it("remembers who left the stage too (no batch for them), until they come back", async () => {
    const { c, clock, batches } = setup();
    c.stageLeft("call", "s");
    expect(c.hasLeft("call", "s")).toBe(true);
    expect(c.hasLeft("other-call", "s")).toBe(false);
    await clock.advance(1000);
    expect(batches).toEqual([]);
    c.back("call", "s");
    expect(c.hasLeft("call", "s")).toBe(false);
  });

  it("keeps calls apart and forgets an ended one", async () => {
    const { c, clock, batches } = setup();
    c.joined("one", participant("a"));
    c.joined("two", participant("b"));
    c.forget("two");
    await clock.advance(1000);
    expect(batches.map(ids)).toEqual([{ joined: ["a"], updated: [], left: [] }]);
  });

  describe("with other nodes (cluster mode)", () => {
    it("shares what this node saw, once a window, and tells its own sockets what the others saw, without passing it on", async () => {
      const { c, clock, counts, batches, shared, setCount } = setup();
      c.joined("call", participant("mine"));
      c.heard("call", { changes: { joined: [participant("theirs")], updated: [], left: [] }, promoted: [], countChanged: false });
      setCount({ total: 2, away: 0, hands: 0 });
      await clock.advance(1000);
      // One batch for this node's admins with both; one count for its sockets; only its own news shared.
      expect(batches.map(ids)).toEqual([{ joined: ["mine", "theirs"], updated: [], left: [] }]);
      expect(counts).toEqual([{ total: 2, away: 0, hands: 0 }]);
      expect(shared).toHaveLength(1);
      expect(ids(shared[0]!.changes)).toEqual({ joined: ["mine"], updated: [], left: [] });

      // News heard alone opens a window (the count moved elsewhere) and is never echoed back.
      c.heard("call", { changes: { joined: [], updated: [], left: [] }, promoted: [], countChanged: true });
      setCount({ total: 3, away: 0, hands: 0 });
      await clock.advance(1000);
      expect(counts.at(-1)).toEqual({ total: 3, away: 0, hands: 0 });
      expect(shared).toHaveLength(1);
    });

    it("keeps someone who left on another node gone here, and drops entries of someone promoted there", async () => {
      const { c, clock, batches, shared } = setup();
      c.heard("call", { changes: { joined: [], updated: [], left: ["a"] }, promoted: [], countChanged: false });
      expect(c.hasLeft("call", "a")).toBe(true);
      c.updated("call", participant("a")); // a late update here about someone who left there
      c.updated("call", participant("b"));
      c.heard("call", { changes: { joined: [], updated: [], left: [] }, promoted: ["b"], countChanged: true });
      await clock.advance(1000);
      expect(batches.map(ids)).toEqual([{ joined: [], updated: [], left: ["a"] }]);
      // This node's own news about b still goes out (the other nodes drop it if b is on stage there too).
      expect(shared.map((n) => ids(n.changes))).toEqual([{ joined: [], updated: ["b"], left: [] }]);
    });

    it("shares promotions and count moves made here", async () => {
      const { c, clock, shared } = setup();
      c.joined("call", participant("p"));
      c.promoted("call", "p");
      c.countChanged("call");
      await clock.advance(1000);
      // The promotion makes the join moot: the other nodes drop what they heard of p, and recount.
      expect(shared).toEqual([{ changes: { joined: [], updated: [], left: [] }, promoted: ["p"], countChanged: true }]);
    });
  });
});
