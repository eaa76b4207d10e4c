/**
 * Counts a participant's open connections in this process and runs their
 * presence updates one at a time, so a reload (old socket closes while the new
 * one opens) can never leave someone marked away while connected.
 */
export class PresenceTracker {
  private readonly counts = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();

  /** Counts the connection, then runs `onConnect` in the participant's queue. */
  connected<T>(participantId: string, onConnect: () => Promise<T>): Promise<T> {
    this.counts.set(participantId, (this.counts.get(participantId) ?? 0) + 1);
    return this.enqueue(participantId, onConnect);
  }

  /** Uncounts the connection; `onLast` runs (in the queue) only if no connection is open by then. */
  disconnected(participantId: string, onLast: () => Promise<void>): Promise<void> {
    const n = (this.counts.get(participantId) ?? 1) - 1;
    if (n > 0) this.counts.set(participantId, n);
    else this.counts.delete(participantId);
    return this.enqueue(participantId, async () => {
      if (!this.counts.has(participantId)) await onLast();
    });
  }

  private enqueue<T>(participantId: string, task: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(participantId) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(task);
    this.queues.set(participantId, next);
    void next
      .catch(() => undefined)
      .finally(() => {
        if (this.queues.get(participantId) === next) this.queues.delete(participantId);
      });
    return next;
  }
}
