import { createClient } from "redis";

const newClient = (url: string) => createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 3_000) } });
export type RedisClient = ReturnType<typeof newClient>;

/**
 * Connects to the Redis that the nodes of a cluster share. It reconnects by
 * itself with backoff; while it is away, limits fall back to memory and the
 * Socket.IO adapter waits. The first connection must succeed: a node that
 * starts without its bus would silently split the cluster.
 */
export async function connectRedis(url: string, log: (line: string) => void = console.warn): Promise<RedisClient> {
  const client = newClient(url);
  let reported = false;
  client.on("error", (e: Error) => {
    if (!reported) log(`[earshot] Redis: ${e.message} (retrying)`);
    reported = true;
  });
  client.on("ready", () => (reported = false));
  await client.connect();
  return client;
}
