import { describe, expect, it } from "vitest";
import { backoffDelay } from "@/lib/client/backoff";

describe("backoff", () => {
  const middle = () => 0.5; // no jitter either way

  it("doubles from the minimum and stops at the cap", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { minMs: 1000, maxMs: 10_000 }, middle))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it("spreads retries by up to the jitter either way, never past the cap", () => {
    expect(backoffDelay(1, { minMs: 1000, jitter: 0.5 }, () => 0)).toBe(500);
    expect(backoffDelay(1, { minMs: 1000, jitter: 0.5 }, () => 0.999999)).toBe(1500);
    expect(backoffDelay(10, { minMs: 1000, maxMs: 5000, jitter: 0.5 }, () => 0.999999)).toBe(5000);
  });
});
