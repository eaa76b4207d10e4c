import { RateLimiter, type BucketConfig } from "../domain/rate-limit";
import type { Limiter } from "../services/limits";

/** A limiter in this process's memory: token buckets, exact, for one node. */
export function memoryLimiter(config: BucketConfig): Limiter {
  const buckets = new RateLimiter(config);
  return {
    take: async (key) => buckets.take(key),
    peek: async (key) => buckets.peek(key),
  };
}
