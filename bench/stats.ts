/** Small, dependency-free statistics for the chat benchmark. */

export interface Dist {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

/** Nearest-rank percentiles (ms) over the first `count` samples; the array is sorted in place. */
export function distribution(samples: Float64Array, count = samples.length): Dist {
  if (count === 0) return { count: 0, p50: null, p95: null, p99: null, max: null, mean: null };
  const s = samples.subarray(0, count).sort();
  const at = (q: number) => s[Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1))]!;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += s[i]!;
  return { count, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[count - 1]!, mean: sum / count };
}

/** A growable sample buffer (ack latencies: one sample per sent message). */
export class Samples {
  private buf: Float64Array;
  count = 0;
  constructor(capacity = 1024) {
    this.buf = new Float64Array(capacity);
  }
  add(v: number): void {
    if (this.count === this.buf.length) {
      const bigger = new Float64Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.count++] = v;
  }
  dist(): Dist {
    return distribution(this.buf, this.count);
  }
}

export const round = (v: number | null | undefined, digits = 1): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export const fmt = (v: number | null | undefined, digits = 1): string => {
  const r = round(v, digits);
  return r === null ? "-" : r.toFixed(digits);
};
