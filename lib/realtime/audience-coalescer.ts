import type { AudienceChanges, AudienceCount, ParticipantDto } from "../contracts/dto";

/** Where a flush goes: the count to everyone in the call, the changes to its admins (on this node), and this node's own news to the other nodes. */
export interface AudienceSink {
  count(callId: string, count: AudienceCount): void;
  changes(callId: string, changes: AudienceChanges): void;
  share(callId: string, news: AudienceNews): void;
}

/**
 * What one node saw in a window, for the others (cluster mode): each node then tells its own
 * sockets, so a listener hears one count a second and an admin one batch, however many nodes.
 */
export interface AudienceNews {
  changes: AudienceChanges;
  /** Moved onto the stage: everyone heard at once; their audience entries are moot. */
  promoted: string[];
  /** The count may have moved without an audience change (someone moved on or off the stage). */
  countChanged: boolean;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type Pending = { kind: "joined" | "updated"; dto: ParticipantDto } | { kind: "left" };

/** Count messages a node sends a call's audience per second, about, at most: a big audience hears the count less often. */
const COUNTS_PER_SECOND = 1000;

/**
 * Every how many windows a call with `total` in its audience hears the count: every one (a second)
 * up to COUNTS_PER_SECOND people, then less often (every 5 s at 5,000). The count goes to every
 * socket, so in a storm its fan-out (a write per listener per window) was a tenth of the server's
 * CPU at 5,000; a listener of a big audience does not need the figure to the second.
 */
export function windowsPerCount(total: number): number {
  return Math.max(1, Math.ceil(total / COUNTS_PER_SECOND));
}

interface CallWindow {
  /** The audience's changes since the last flush, one entry per person: the latest wins. */
  pending: Map<string, Pending>;
  /** The part of them this node saw itself (the others hear it from this one), and what it promoted. */
  own: Map<string, Pending | { kind: "promoted" }>;
  ownCountChanged: boolean;
  /** Something changed that may move the count. */
  dirty: boolean;
  timer: unknown;
  lastCount: AudienceCount | null;
  /** Windows closed since the count was last read: above 0 after a flush, a count is owed. */
  sinceCount: number;
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
    this.applyJoined(w, p);
    w.own.set(p.id, { kind: "joined", dto: p });
    this.touch(callId, w);
  }

  updated(callId: string, p: ParticipantDto): void {
    const w = this.window(callId);
    if (!this.applyUpdated(w, p)) return;
    w.own.set(p.id, { kind: w.own.get(p.id)?.kind === "joined" ? "joined" : "updated", dto: p });
    this.touch(callId, w);
  }

  left(callId: string, participantId: string): void {
    const w = this.window(callId);
    this.applyLeft(w, participantId);
    w.own.set(participantId, { kind: "left" });
    this.touch(callId, w);
  }

  /** The count may have changed without an audience change to report (someone moved on or off the stage). */
  countChanged(callId: string): void {
    const w = this.window(callId);
    w.ownCountChanged = true;
    this.touch(callId, w);
  }

  /** Someone moved onto the stage: their audience entries are moot (everyone was told at once). */
  promoted(callId: string, participantId: string): void {
    const w = this.window(callId);
    w.pending.delete(participantId);
    w.own.set(participantId, { kind: "promoted" });
    this.touch(callId, w);
  }

  /** Another node's news: told to this node's sockets in its next window, and not passed on. */
  heard(callId: string, news: AudienceNews): void {
    const w = this.window(callId);
    for (const p of news.changes.joined) this.applyJoined(w, p);
    for (const p of news.changes.updated) this.applyUpdated(w, p);
    for (const id of news.changes.left) this.applyLeft(w, id);
    for (const id of news.promoted) w.pending.delete(id);
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

  private applyJoined(w: CallWindow, p: ParticipantDto): void {
    w.gone.delete(p.id);
    w.pending.set(p.id, { kind: "joined", dto: p });
  }

  /** False for a late update about someone who left: dropped. */
  private applyUpdated(w: CallWindow, p: ParticipantDto): boolean {
    if (w.gone.has(p.id)) return false;
    w.pending.set(p.id, { kind: w.pending.get(p.id)?.kind === "joined" ? "joined" : "updated", dto: p });
    return true;
  }

  private applyLeft(w: CallWindow, participantId: string): void {
    w.gone.add(participantId);
    w.pending.set(participantId, { kind: "left" });
  }

  private window(callId: string): CallWindow {
    let w = this.calls.get(callId);
    if (!w) {
      w = {
        pending: new Map(),
        own: new Map(),
        ownCountChanged: false,
        dirty: false,
        timer: null,
        lastCount: null,
        sinceCount: 0,
        gone: new Set(),
      };
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
    const { pending, own, ownCountChanged } = w;
    w.pending = new Map();
    w.own = new Map();
    w.ownCountChanged = false;
    w.dirty = false;
    if (own.size > 0 || ownCountChanged) {
      const promoted = [...own].filter(([, c]) => c.kind === "promoted").map(([id]) => id);
      this.opts.sink.share(callId, { changes: changesOf(own), promoted, countChanged: ownCountChanged });
    }
    if (pending.size > 0) this.opts.sink.changes(callId, changesOf(pending));
    if (++w.sinceCount >= windowsPerCount(w.lastCount?.total ?? 0)) await this.sendCount(callId, w);
    // Whatever arrived during the read waits one more interval: still at most one flush per interval.
    // A count owed keeps the windows going until it is sent, even once the call is quiet.
    w.timer = w.dirty || w.sinceCount > 0 ? this.opts.timers.setTimeout(() => void this.flush(callId), this.opts.intervalMs) : null;
  }

  private async sendCount(callId: string, w: CallWindow): Promise<void> {
    w.sinceCount = 0;
    try {
      const count = await this.opts.readCount(callId);
      if (!sameCount(count, w.lastCount)) {
        w.lastCount = count;
        this.opts.sink.count(callId, count);
      }
    } catch (e) {
      this.opts.onError(e);
    }
  }
}

function changesOf(entries: Map<string, Pending | { kind: "promoted" }>): AudienceChanges {
  const changes: AudienceChanges = { joined: [], updated: [], left: [] };
  for (const [id, change] of entries) {
    if (change.kind === "left") changes.left.push(id);
    else if (change.kind !== "promoted") changes[change.kind].push(change.dto);
  }
  return changes;
}

const sameCount = (a: AudienceCount, b: AudienceCount | null) => b !== null && a.total === b.total && a.away === b.away && a.hands === b.hands;
