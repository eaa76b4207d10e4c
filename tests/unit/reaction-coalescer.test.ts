import { describe, expect, it } from "vitest";
import type { ReactionBurst } from "@/lib/contracts/reactions";
import { ReactionCoalescer } from "@/lib/realtime/reaction-coalescer";

/** Timers the test fires by hand. */
function manualTimers() {
  const due: (() => void)[] = [];
  return { timers: { setTimeout: (fn: () => void) => due.push(fn) }, fire: () => due.splice(0).forEach((fn) => fn()), pending: () => due.length };
}

describe("reaction coalescer", () => {
  it("sends one burst per call per window, with counts per emoji", () => {
    const sent: [string, ReactionBurst][] = [];
    const t = manualTimers();
    const c = new ReactionCoalescer((callId, burst) => sent.push([callId, burst]), 400, t.timers);
    for (let i = 0; i < 500; i++) c.add("a-b-c", i % 5 === 0 ? "🎉" : "👏");
    c.add("d-e-f", "❤️");
    expect(t.pending()).toBe(2); // one window per call, however many reactions
    t.fire();
    expect(sent).toEqual([
      ["a-b-c", { counts: { "🎉": 100, "👏": 400 } }],
      ["d-e-f", { counts: { "❤️": 1 } }],
    ]);
    // The next reaction opens a new window.
    c.add("a-b-c", "🔥");
    t.fire();
    expect(sent.at(-1)).toEqual(["a-b-c", { counts: { "🔥": 1 } }]);
  });

  it("drops what is pending for a call that ended", () => {
    const sent: unknown[] = [];
    const t = manualTimers();
    const c = new ReactionCoalescer((...args) => sent.push(args), 400, t.timers);
    c.add("a-b-c", "👍");
    c.forget("a-b-c");
    t.fire();
    expect(sent).toEqual([]);
  });
});
