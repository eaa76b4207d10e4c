/** A token bucket: `ratePerSec` tokens refill each second, up to `burst`. */
export interface BucketConfig {
  ratePerSec: number;
  burst: number;
}
export interface Bucket {
  tokens: number;
  at: number;
}

export function takeToken(bucket: Bucket | undefined, config: BucketConfig, now: number): { allowed: boolean; bucket: Bucket; retryAfterMs: number } {
  const prev = bucket ?? { tokens: config.burst, at: now };
  const tokens = Math.min(config.burst, prev.tokens + ((now - prev.at) / 1000) * config.ratePerSec);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, at: now }, retryAfterMs: 0 };
  const retryAfterMs = Math.ceil(((1 - tokens) / config.ratePerSec) * 1000);
  return { allowed: false, bucket: { tokens, at: now }, retryAfterMs };
}

/** Buckets by key, forgetting keys that have been full for a while so memory stays bounded. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly config: BucketConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `take` would allow `key` now, without spending anything. */
  peek(key: string): { allowed: boolean; retryAfterMs: number } {
    const { allowed, retryAfterMs } = takeToken(this.buckets.get(key), this.config, this.now());
    return { allowed, retryAfterMs };
  }

  take(key: string): { allowed: boolean; retryAfterMs: number } {
    const now = this.now();
    const result = takeToken(this.buckets.get(key), this.config, now);
    this.buckets.set(key, result.bucket);
    if (this.buckets.size > 10_000) this.prune(now);
    return result;
  }

  private prune(now: number) {
    const fullAfterMs = (this.config.burst / this.config.ratePerSec) * 1000;
    for (const [key, b] of this.buckets) if (now - b.at > fullAfterMs) this.buckets.delete(key);
  }
}
