/**
 * Group commit: calls made while a batch is running wait and go together in
 * the next one, so a busy server pays a database round trip (and, for writes,
 * a commit) per batch instead of per call. An idle server pays no delay beyond
 * one turn of the event loop.
 *
 * Every batch starts after all of its calls were made, so a call never sees a
 * result older than itself (unlike sharing an in-flight query).
 */
export interface BatchQueueOptions {
  /** Calls per batch at most (keeps statements under the databases' bind-variable limits). */
  maxBatch: number;
}

/** `run` answers each item of a batch, in order: one settled result per item. */
export type BatchRunner<I, O> = (items: I[]) => Promise<PromiseSettledResult<O>[]>;

interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export function batchQueue<I, O>(run: BatchRunner<I, O>, { maxBatch }: BatchQueueOptions): (item: I) => Promise<O> {
  let queue: Pending<I, O>[] = [];
  let running = false;
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await run(batch.map((p) => p.item));
        batch.forEach((p, i) => {
          const r = results[i];
          if (r?.status === "fulfilled") p.resolve(r.value);
          else p.reject(r ? r.reason : new Error("batch runner returned too few results"));
        });
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
    running = false;
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (running || scheduled) return;
      scheduled = true;
      // Gather everything that arrives in this turn of the event loop (one read of many sockets).
      setImmediate(() => void flush());
    });
}

/** Runs `one` for each item in order, each settling on its own: the fallback when a batch statement fails. */
export async function oneByOne<I, O>(items: I[], one: (item: I) => Promise<O>): Promise<PromiseSettledResult<O>[]> {
  const results: PromiseSettledResult<O>[] = [];
  for (const item of items) {
    try {
      results.push({ status: "fulfilled", value: await one(item) });
    } catch (reason) {
      results.push({ status: "rejected", reason });
    }
  }
  return results;
}

export const fulfilled = <O>(value: O): PromiseSettledResult<O> => ({ status: "fulfilled", value });

/**
 * A read that identical calls share, run at most once per `spacingMs` per key. Calls with the same
 * key wait for the next read, which starts after all of them were made (so nobody gets a result
 * older than their call) and no sooner than `spacingMs` after the previous one started. A quiet
 * key is read at once; a crowd joining one call, which asks for the same stage, counts and first
 * pages hundreds of times a second, costs a few reads a second instead of one per join.
 * Callers share the answer: they must not mutate it.
 */
export function sharedRead<A, O>(read: (arg: A) => Promise<O>, key: (arg: A) => string, spacingMs: number): (arg: A) => Promise<O> {
  interface Waiter {
    resolve(value: O): void;
    reject(error: unknown): void;
  }
  interface KeyState {
    waiters: Waiter[];
    arg: A;
    busy: boolean; // a read is scheduled or running
    lastStart: number;
  }
  const keys = new Map<string, KeyState>();

  const run = async (k: string, state: KeyState) => {
    const waiters = state.waiters;
    state.waiters = [];
    state.lastStart = performance.now();
    try {
      const value = await read(state.arg);
      for (const w of waiters) w.resolve(value);
    } catch (e) {
      for (const w of waiters) w.reject(e);
    }
    if (state.waiters.length > 0) return schedule(k, state);
    state.busy = false;
    // Forget the key once its spacing has passed with nobody asking (keys include cursors and searches).
    const forget = () => {
      if (state.busy || keys.get(k) !== state) return;
      const left = state.lastStart + spacingMs - performance.now();
      if (left <= 0) keys.delete(k);
      else setTimeout(forget, left).unref?.();
    };
    setTimeout(forget, spacingMs).unref?.();
  };

  const schedule = (k: string, state: KeyState) => {
    state.busy = true;
    const wait = state.lastStart + spacingMs - performance.now();
    // Gather at least the calls made in this turn of the event loop.
    if (wait <= 0) setImmediate(() => void run(k, state));
    else setTimeout(() => void run(k, state), wait);
  };

  return (arg) =>
    new Promise<O>((resolve, reject) => {
      const k = key(arg);
      let state = keys.get(k);
      if (!state) keys.set(k, (state = { waiters: [], arg, busy: false, lastStart: -Infinity }));
      state.waiters.push({ resolve, reject });
      state.arg = arg;
      if (!state.busy) schedule(k, state);
    });
}
