import { AppError } from "../domain/errors";
import type { RateLimiter } from "../domain/rate-limit";
import type { Caller } from "./deps";

/**
 * Every rate limit, each a token bucket per key (settings in lib/env.ts,
 * listed in docs/OPERATIONS.md#security). Keys name what is limited:
 * `p:` a participant, `d:` a browser (the device cookie), `a:` a client
 * address, so that joining again as a fresh guest resets nothing.
 */
export interface Limits {
  /** Chat messages, per participant and per browser. */
  chat: RateLimiter;
  /** Chat messages, per client address (higher: several people may share one). */
  chatByAddress: RateLimiter;
  /** New participants (guest or account), per address and per browser. */
  join: RateLimiter;
  /** New calls, per address and per browser. */
  createCall: RateLimiter;
  /** An admin's moderation writes, per admin and per address. */
  moderation: RateLimiter;
  /** Lookups of call IDs that do not exist, per address: probing for calls. */
  failedLookups: RateLimiter;
}

export const participantKey = (id: string) => `p:${id}`;
export const deviceKey = (id: string | null | undefined) => (id ? `d:${id}` : null);
export const addressKey = (address: string | null | undefined) => (address ? `a:${address}` : null);

/** Spends one token from each key's bucket (absent keys are skipped); RATE_LIMITED if any bucket is empty. */
export function enforce(limiter: RateLimiter, keys: (string | null)[], message: string): void {
  let retryAfterMs = 0;
  for (const key of keys) {
    if (key === null) continue;
    const r = limiter.take(key);
    if (!r.allowed) retryAfterMs = Math.max(retryAfterMs, r.retryAfterMs);
  }
  if (retryAfterMs > 0) throw new AppError("RATE_LIMITED", message, { retryAfterMs });
}

/** Refuses an address that used up its failed lookups, before it looks up anything else. */
export function checkLookupBudget(limits: Pick<Limits, "failedLookups">, address: string | null): void {
  const key = addressKey(address);
  const r = key ? limits.failedLookups.peek(key) : { allowed: true, retryAfterMs: 0 };
  if (!r.allowed) throw new AppError("RATE_LIMITED", "Too many calls that do not exist were asked for from here; wait a moment.", { retryAfterMs: r.retryAfterMs });
}

/** Counts a lookup that found no call against its address. */
export function countFailedLookup(limits: Pick<Limits, "failedLookups">, address: string | null, error: AppError): void {
  const key = addressKey(address);
  if (key && error.code === "CALL_NOT_FOUND") limits.failedLookups.take(key);
}

/** One moderation write by the caller (an admin): limited per admin and per address. */
export function enforceModeration(limits: Pick<Limits, "moderation">, caller: Caller): void {
  enforce(limits.moderation, [participantKey(caller.participantId), addressKey(caller.address)], "You are moderating faster than this call allows; wait a moment.");
}
