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
