import type { BucketConfig } from "../domain/rate-limit";
import type { Env } from "../env";
import type { Limits } from "../services/limits";

/** Every limit's budget: the Limits the services use, and the two sign-in ones. */
export type LimitSettings = Record<keyof Limits | "signInPair" | "signInCeiling", BucketConfig>;

const perMinute = (rate: number, burst: number): BucketConfig => ({ ratePerSec: rate / 60, burst });

/** The budgets the settings name (docs/OPERATIONS.md#security). */
export function limitSettings(env: Env): LimitSettings {
  return {
    chat: { ratePerSec: env.CHAT_RATE_PER_SEC, burst: env.CHAT_BURST },
    chatByAddress: { ratePerSec: env.CHAT_ADDRESS_RATE_PER_SEC, burst: env.CHAT_ADDRESS_BURST },
    reactions: { ratePerSec: env.REACTION_RATE_PER_SEC, burst: env.REACTION_BURST },
    join: perMinute(env.JOIN_RATE_PER_MIN, env.JOIN_BURST),
    createCall: perMinute(env.CREATE_CALL_RATE_PER_MIN, env.CREATE_CALL_BURST),
    moderation: perMinute(env.MODERATION_RATE_PER_MIN, env.MODERATION_BURST),
    selfChanges: perMinute(env.SELF_CHANGE_RATE_PER_MIN, env.SELF_CHANGE_BURST),
    failedLookups: perMinute(env.LOOKUP_FAIL_RATE_PER_MIN, env.LOOKUP_FAIL_BURST),
    signInPair: perMinute(env.SIGNIN_RATE_PER_MIN, env.SIGNIN_BURST),
    signInCeiling: perMinute(env.SIGNIN_CEILING_RATE_PER_MIN, env.SIGNIN_CEILING_BURST),
  };
}
