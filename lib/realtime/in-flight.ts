/** Counts work under way (socket events being handled), so a draining node can wait for it to finish. */
export class InFlight {
  private count = 0;
  private idle: (() => void)[] = [];

  async track<T>(work: Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work;
    } finally {
      if (--this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Resolves once nothing is under way, or after `timeoutMs` whatever is. */
  settled(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idle.push(() => (clearTimeout(timer), resolve()));
    });
  }
}
