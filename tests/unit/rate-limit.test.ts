import { describe, expect, it } from "vitest";
import { RateLimiter, takeToken } from "@/lib/domain/rate-limit";

describe("token bucket", () => {
  const config = { ratePerSec: 5, burst: 10 };

  it("allows a burst, then refuses with a retry delay", () => {
    let bucket;
    for (let i = 0; i < 10; i++) {
      const r = takeToken(bucket, config, 1000);
      expect(r.allowed).toBe(true);
      bucket = r.bucket;
    }
    const refused = takeToken(bucket, config, 1000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(200);
  });

  it("refills at the configured rate", () => {
    let now = 0;
    const limiter = new RateLimiter(config, () => now);
    for (let i = 0; i < 10; i++) limiter.take("p");
    expect(limiter.take("p").allowed).toBe(false);
    now += 200;
    expect(limiter.take("p").allowed).toBe(true);
    expect(limiter.take("p").allowed).toBe(false);
  });

  it("keeps senders apart", () => {
    const limiter = new RateLimiter(config, () => 0);
    for (let i = 0; i < 10; i++) limiter.take("a");
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });
});
