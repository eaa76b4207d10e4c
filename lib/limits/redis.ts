import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { BucketConfig } from "../domain/rate-limit";
import type { Limiter } from "../services/limits";
import type { RedisClient } from "../cluster/redis";

/**
 * A limiter every node shares through Redis (rate-limiter-flexible), so a
 * person with sockets on two nodes has one budget. The library counts fixed
 * windows: a burst of B refilling at R per second becomes B points per B/R
 * seconds, the same average and the same largest burst. While Redis cannot
 * be reached, an in-memory limiter of the same size stands in (per node).
 */
export function redisLimiter(client: RedisClient, name: string, config: BucketConfig): Limiter {
  const points = config.burst;
  const duration = Math.max(1, Math.ceil(config.burst / config.ratePerSec));
  const limiter = new RateLimiterRedis({
    storeClient: client,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    keyPrefix: `earshot:limit:${name}`,
    points,
    duration,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: `earshot:limit:${name}`, points, duration }),
  });
  return {
    async take(key) {
      try {
        await limiter.consume(key);
        return { allowed: true, retryAfterMs: 0 };
      } catch (e) {
        if (e instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, e.msBeforeNext) };
        throw e;
      }
    },
    async peek(key) {
      const res = await limiter.get(key);
      const allowed = !res || res.consumedPoints < points;
      return { allowed, retryAfterMs: allowed ? 0 : Math.max(1, res!.msBeforeNext) };
    },
  };
}
