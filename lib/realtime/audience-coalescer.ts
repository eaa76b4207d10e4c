import type { AudienceChanges, AudienceCount, ParticipantDto } from "../contracts/dto";

/** Where a flush goes: the count to everyone in the call, the changes to its admins. */
export interface AudienceSink {
  count(callId: string, count: AudienceCount): void;
  changes(callId: string, changes: AudienceChanges): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type Pending = { kind: "joined" | "updated"; dto: ParticipantDto } | { kind: "left" };

interface CallWindow {
  /** The audience's changes since the last flush, one entry per person: the latest wins. */
  pending: Map<string, Pending>;
  /** Something changed that may move the count. */
  dirty: boolean;
  timer: unknown;
  lastCount: AudienceCount | null;
  /** People who left and have not joined again: a late update about them is stale and dropped. */
  gone: Set<string>;
}

/**
 * Audience joins, updates and leaves, coalesced per call: at most one count (to
 * everyone) and one batch of changes (to admins) per interval, whatever the
 * crowd does. The window starts at the first change and flushes `intervalMs`
 * later; a quiet call has no timer.
 */
export class AudienceCoalescer {
  private readonly calls = new Map<string, CallWindow>();

  constructor(
    private readonly opts: {
      intervalMs: number;
      /** Reads the count when a window closes (an indexed count, once per call per interval). */
      readCount: (callId: string) => Promise<AudienceCount>;
      sink: AudienceSink;
      timers: Timers;
      onError: (e: unknown) => void;
    },
  ) {}

  joined(callId: string, p: ParticipantDto): void {
    const w = this.window(callId);
    w.gone.delete(p.id);
    w.pending.set(p.id, { kind: "joined", dto: p });
    this.touch(callId, w);
  }

  updated(callId: string, p: ParticipantDto): void {
    const w = this.window(callId);
    if (w.gone.has(p.id)) return;
    const prev = w.pending.get(p.id);
    w.pending.set(p.id, { kind: prev?.kind === "joined" ? "joined" : "updated", dto: p });
    this.touch(callId, w);
  }

  left(callId: string, participantId: string): void {
    const w = this.window(callId);
    w.gone.add(participantId);
    w.pending.set(participantId, { kind: "left" });
    this.touch(callId, w);
  }

  /** The count may have changed without an audience change to report (someone moved on or off the stage). */
  countChanged(callId: string): void {
    this.touch(callId, this.window(callId));
  }

  /** Someone moved onto the stage: their audience entries are moot (everyone was told at once). */
  promoted(callId: string, participantId: string): void {
    const w = this.window(callId);
    w.pending.delete(participantId);
    this.touch(callId, w);
  }

  /** Someone on the stage left: no batch needs it, but later news about them is stale all the same. */
  stageLeft(callId: string, participantId: string): void {
    this.window(callId).gone.add(participantId);
  }

  /** Someone came back (joined again): news about them counts again. */
  back(callId: string, participantId: string): void {
    this.calls.get(callId)?.gone.delete(participantId);
  }

  /** Whether they left (and have not come back): an update about them now is a late one, to drop. */
  hasLeft(callId: string, participantId: string): boolean {
    return this.calls.get(callId)?.gone.has(participantId) ?? false;
  }

  /** The call ended: forget it. */
  forget(callId: string): void {
    const w = this.calls.get(callId);
    if (w?.timer) this.opts.timers.clearTimeout(w.timer);
    this.calls.delete(callId);
  }

  private window(callId: string): CallWindow {
    let w = this.calls.get(callId);
    if (!w) {
      w = { pending: new Map(), dirty: false, timer: null, lastCount: null, gone: new Set() };
      this.calls.set(callId, w);
    }
    return w;
  }

  private touch(callId: string, w: CallWindow): void {
    w.dirty = true;
    w.timer ??= this.opts.timers.setTimeout(() => void this.flush(callId), this.opts.intervalMs);
  }

  private async flush(callId: string): Promise<void> {
    const w = this.calls.get(callId);
    if (!w) return;
    const pending = w.pending;
    w.pending = new Map();
    w.dirty = false;
    const changes: AudienceChanges = { joined: [], updated: [], left: [] };
    for (const [id, change] of pending) {
      if (change.kind === "left") changes.left.push(id);
      else changes[change.kind].push(change.dto);
    }
    if (pending.size > 0) this.opts.sink.changes(callId, changes);
    try {
      const count = await this.opts.readCount(callId);
      if (!sameCount(count, w.lastCount)) {
        w.lastCount = count;
        this.opts.sink.count(callId, count);
      }
    } catch (e) {
      this.opts.onError(e);
    }
    // Whatever arrived during the read waits one more interval: still at most one flush per interval.
    w.timer = w.dirty ? this.opts.timers.setTimeout(() => void this.flush(callId), this.opts.intervalMs) : null;
  }
}

const sameCount = (a: AudienceCount, b: AudienceCount | null) => b !== null && a.total === b.total && a.away === b.away && a.hands === b.hands;
