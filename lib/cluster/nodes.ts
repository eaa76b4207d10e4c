import type { NodeRegistry } from "../services/ports";
import type { RedisClient } from "./redis";

const KEY = "earshot:nodes";

/** A node running alone: nobody else to watch. */
export const loneNode: NodeRegistry = { self: "local", heartbeat: async () => undefined, alive: async () => null };

/**
 * The nodes of a cluster, in a Redis sorted set scored by each one's last
 * heartbeat. A node missing three beats is dead: its connections are gone.
 */
export function redisNodeRegistry(client: RedisClient, self: string, beatEveryMs: number, now: () => number = Date.now): NodeRegistry {
  const deadAfterMs = 3 * beatEveryMs;
  return {
    self,
    async heartbeat() {
      const t = now();
      await client.zAdd(KEY, { score: t, value: self });
      // Names of nodes long gone are not kept forever.
      await client.zRemRangeByScore(KEY, 0, t - 3_600_000);
    },
    async alive() {
      return client.zRangeByScore(KEY, now() - deadAfterMs, "+inf");
    },
  };
}
