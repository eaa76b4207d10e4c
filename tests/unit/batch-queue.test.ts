import { describe, expect, it } from "vitest";
import { batchQueue, fulfilled, oneByOne, sharedRead } from "@/lib/db/batch-queue";

/** A runner that records each batch and answers when the test says so. */
function gatedRunner() {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((open) => gates.push(open));
    return items.map((n) => fulfilled(n * 10));
  };
  const openNext = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
  };
  return { batches, run, openNext };
}

describe("batchQueue", () => {
  it("runs calls made in the same turn as one batch, answering each in order", async () => {
    const r = gatedRunner();
    const call = batchQueue(r.run, { maxBatch: 10 });
    const answers = Promise.all([1, 2, 3].map(call));
    await r.openNext();
    expect(await answers).toEqual([10, 20, 30]);
    expect(r.batches).toEqual([[1, 2, 3]]);
  });

  it("holds calls made while a batch runs for the next batch, which starts after them", async () => {
    const r = gatedRunner();
    const call = batchQueue(r.run, { maxBatch: 10 });
    const first = call(1);
    await new Promise((res) => setImmediate(res));
    expect(r.batches).toEqual([[1]]);
    const later = Promise.all([call(2), call(3)]);
    expect(r.batches).toHaveLength(1); // nothing starts while the first batch runs
    await r.openNext();
    expect(await first).toBe(10);
    await r.openNext();
    expect(await later).toEqual([20, 30]);
    expect(r.batches).toEqual([[1], [2, 3]]);
  });

  it("splits a long queue into batches of at most maxBatch", async () => {
    const batches: number[][] = [];
    const call = batchQueue(async (items: number[]) => (batches.push(items), items.map(fulfilled)), { maxBatch: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5].map(call))).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("settles each call on its own result, and rejects a whole batch when the runner throws", async () => {
    const failing = new Error("disk full");
    const call = batchQueue(
      async (items: number[]) => {
        if (items.includes(99)) throw failing;
        return items.map((n): PromiseSettledResult<number> => (n < 0 ? { status: "rejected", reason: new Error(`bad ${n}`) } : fulfilled(n)));
      },
      { maxBatch: 10 },
    );
    const mixed = await Promise.allSettled([call(1), call(-2), call(3)]);
    expect(mixed.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([1, "bad -2", 3]);
    const whole = await Promise.allSettled([call(4), call(99)]);
    expect(whole).toEqual([
      { status: "rejected", reason: failing },
      { status: "rejected", reason: failing },
    ]);
    expect(await call(5)).toBe(5); // and keeps serving
  });

  it("rejects calls the runner gave no answer for", async () => {
    const call = batchQueue(async (items: number[]) => items.slice(1).map(fulfilled), { maxBatch: 10 });
    const [a, b] = await Promise.allSettled([call(1), call(2)]);
    expect(a).toMatchObject({ status: "fulfilled", value: 2 });
    expect(b).toMatchObject({ status: "rejected" });
  });
});

describe("oneByOne", () => {
  it("runs items in order, one at a time, each settling on its own", async () => {
    const order: string[] = [];
    const results = await oneByOne([1, 2, 3], async (n) => {
      order.push(`start ${n}`);
      await new Promise((r) => setTimeout(r, 1));
      order.push(`end ${n}`);
      if (n === 2) throw new Error("two");
      return n;
    });
    expect(order).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});

describe("sharedRead", () => {
  it("answers identical calls made together with one read per distinct key", async () => {
    const reads: string[] = [];
    const read = sharedRead(async (id: string) => (reads.push(id), `${id}!`), String, 0);
    expect(await Promise.all(["a", "b", "a", "a"].map(read))).toEqual(["a!", "b!", "a!", "a!"]);
    expect(reads).toEqual(["a", "b"]);
  });

  it("never answers a call with a read that started before it", async () => {
    let value = 1;
    const gates: Array<() => void> = [];
    const reads: number[] = [];
    const read = sharedRead(
      async (_: string) => {
        const seen = value;
        reads.push(seen);
        await new Promise<void>((open) => gates.push(open));
        return seen;
      },
      String,
      0,
    );
    const first = read("k");
    await new Promise((r) => setImmediate(r));
    value = 2; // changed while the first read runs: a call made now must see it
    const second = read("k");
    gates.shift()!();
    expect(await first).toBe(1);
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
    expect(await second).toBe(2);
    expect(reads).toEqual([1, 2]);
  });

  it("rejects every call that shared a failed read, and only those", async () => {
    const read = sharedRead(
      async (id: string) => {
        if (id === "bad") throw new Error("gone");
        return id;
      },
      String,
      0,
    );
    const results = await Promise.allSettled(["bad", "ok", "bad"].map(read));
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected"]);
  });

  it("reads a busy key at most once per spacing, and a quiet key at once", async () => {
    let reads = 0;
    const read = sharedRead(async () => ++reads, String, 50);
    const started = performance.now();
    expect(await read("k")).toBe(1); // quiet: no wait
    expect(performance.now() - started).toBeLessThan(40);
    const answers: Promise<number>[] = [];
    while (performance.now() - started < 240) {
      answers.push(read("k"));
      await new Promise((r) => setTimeout(r, 5));
    }
    const values = await Promise.all(answers);
    // About 240 / 5 calls over about 240 ms: five or six reads, never one per call.
    expect(reads).toBeLessThanOrEqual(7);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(await read("other")).toBe(reads); // another key does not wait for this one's spacing
  });
});
