import type { RedisClient } from "../cluster/redis";
import type { AccountDeps } from "../services/accounts";
import type { Limiter, Limits } from "../services/limits";
import { memoryLimiter } from "./memory";
import { redisLimiter } from "./redis";
import type { LimitSettings } from "./settings";

/** Every limiter, in this process's memory, or shared through Redis when the node is part of a cluster. */
export function limiters(settings: LimitSettings, redis: RedisClient | null): { limits: Limits; signIn: AccountDeps["signInLimits"] } {
  const make = (name: keyof LimitSettings): Limiter => (redis ? redisLimiter(redis, name, settings[name]) : memoryLimiter(settings[name]));
  return {
    limits: {
      chat: make("chat"),
      chatByAddress: make("chatByAddress"),
      reactions: make("reactions"),
      join: make("join"),
      createCall: make("createCall"),
      moderation: make("moderation"),
      selfChanges: make("selfChanges"),
      failedLookups: make("failedLookups"),
    },
    signIn: { pair: make("signInPair"), ceiling: make("signInCeiling") },
  };
}
