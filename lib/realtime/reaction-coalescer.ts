import type { Reaction, ReactionBurst } from "../contracts/reactions";

/** One window per call: the first reaction opens it, and at its close one burst goes out with the counts. */
export const REACTION_WINDOW_MS = 400;

/**
 * Coalesces a call's reactions so that a big audience clapping at once costs everyone one event
 * per window (with counts), not one per clap.
 */
export class ReactionCoalescer {
  private readonly pending = new Map<string, Map<Reaction, number>>();

  constructor(
    private readonly send: (callId: string, burst: ReactionBurst) => void,
    private readonly windowMs = REACTION_WINDOW_MS,
    private readonly timers: { setTimeout(fn: () => void, ms: number): unknown } = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref() },
  ) {}

  add(callId: string, emoji: Reaction): void {
    let counts = this.pending.get(callId);
    if (!counts) {
      counts = new Map();
      this.pending.set(callId, counts);
      this.timers.setTimeout(() => this.flush(callId), this.windowMs);
    }
    counts.set(emoji, (counts.get(emoji) ?? 0) + 1);
  }

  /** The call ended: what is pending is dropped. */
  forget(callId: string): void {
    this.pending.delete(callId);
  }

  private flush(callId: string): void {
    const counts = this.pending.get(callId);
    this.pending.delete(callId);
    if (counts && counts.size > 0) this.send(callId, { counts: Object.fromEntries(counts) });
  }
}
