import { AppError } from "../domain/errors";
import type { Caller } from "./deps";

/** The answer of a limiter for one key. */
export interface LimitDecision {
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * A rate limit: a budget per key. lib/limits implements it in this process's
 * memory (one node), or in Redis shared by every node (cluster mode).
 */
export interface Limiter {
  /** Spends one unit of `key`'s budget, if there is one left. */
  take(key: string): Promise<LimitDecision>;
  /** Whether `take` would be allowed now, spending nothing. */
  peek(key: string): Promise<LimitDecision>;
}

/**
 * Every rate limit, each a token bucket per key (settings in lib/env.ts,
 * listed in docs/OPERATIONS.md#security). Keys name what is limited:
 * `p:` a participant, `d:` a browser (the device cookie), `a:` a client
 * address, so that joining again as a fresh guest resets nothing.
 */
export interface Limits {
  /** Chat messages, per participant and per browser. */
  chat: Limiter;
  /** Chat messages, per client address (higher: several people may share one). */
  chatByAddress: Limiter;
  /** Emoji reactions, per participant and per browser. */
  reactions: Limiter;
  /** New participants (guest or account), per address and per browser. */
  join: Limiter;
  /** New calls, per address and per browser. */
  createCall: Limiter;
  /** An admin's moderation writes, per admin and per address. */
  moderation: Limiter;
  /** A person's changes to their own state that others are told of (hand, mute, recording consent), per participant and per browser. */
  selfChanges: Limiter;
  /** Lookups of call IDs that do not exist, per address: probing for calls. */
  failedLookups: Limiter;
}

export const participantKey = (id: string) => `p:${id}`;
export const deviceKey = (id: string | null | undefined) => (id ? `d:${id}` : null);
export const addressKey = (address: string | null | undefined) => (address ? `a:${address}` : null);

/** Spends one token from each key's bucket (absent keys are skipped); RATE_LIMITED if any bucket is empty. */
export async function enforce(limiter: Limiter, keys: (string | null)[], message: string): Promise<void> {
  const decisions = await Promise.all(keys.filter((k): k is string => k !== null).map((k) => limiter.take(k)));
  const retryAfterMs = Math.max(0, ...decisions.filter((d) => !d.allowed).map((d) => Math.max(1, d.retryAfterMs)));
  if (retryAfterMs > 0) throw new AppError("RATE_LIMITED", message, { retryAfterMs });
}

/** Refuses an address that used up its failed lookups, before it looks up anything else. */
export async function checkLookupBudget(limits: Pick<Limits, "failedLookups">, address: string | null): Promise<void> {
  const key = addressKey(address);
  const r = key ? await limits.failedLookups.peek(key) : { allowed: true, retryAfterMs: 0 };
  if (!r.allowed)
    throw new AppError("RATE_LIMITED", "Too many calls that do not exist were asked for from here; wait a moment.", { retryAfterMs: r.retryAfterMs });
}

/** Counts a lookup that found no call against its address. */
export async function countFailedLookup(limits: Pick<Limits, "failedLookups">, address: string | null, error: AppError): Promise<void> {
  const key = addressKey(address);
  if (key && error.code === "CALL_NOT_FOUND") await limits.failedLookups.take(key);
}

/**
 * One change of the caller's own hand, mute or recording consent. Each is stored and told to the
 * stage or the admins: unlimited, one guest's script would make every client in a big call busy.
 */
export function enforceSelfChange(limits: Pick<Limits, "selfChanges">, self: { id: string; deviceId: string | null }): Promise<void> {
  return enforce(
    limits.selfChanges,
    [participantKey(self.id), deviceKey(self.deviceId)],
    "You are changing your hand, microphone or consent faster than this call allows; wait a moment.",
  );
}

/** One moderation write by the caller (an admin): limited per admin and per address. */
export function enforceModeration(limits: Pick<Limits, "moderation">, caller: Caller): Promise<void> {
  return enforce(
    limits.moderation,
    [participantKey(caller.participantId), addressKey(caller.address)],
    "You are moderating faster than this call allows; wait a moment.",
  );
}
