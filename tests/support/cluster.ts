import { freshDatabaseUrl } from "./database";
import { startRedis, type TestRedis } from "./redis";
import { startServer, type ServerOptions, type TestServer } from "./server";

export interface TestCluster {
  redis: TestRedis;
  databaseUrl: string;
  nodes: TestServer[];
  stop(): Promise<void>;
}

/** N Earshot nodes in cluster mode: one Postgres database, one Redis of their own. */
export async function startCluster(
  n = 2,
  opts: Pick<ServerOptions, "env" | "host"> & { envOf?: (i: number) => Record<string, string> } = {},
): Promise<TestCluster> {
  const [redis, databaseUrl] = await Promise.all([startRedis(), freshDatabaseUrl()]);
  const nodes: TestServer[] = [];
  // One after the other: the first applies the migrations.
  for (let i = 0; i < n; i++) {
    nodes.push(
      await startServer({
        host: opts.host,
        databaseUrl,
        env: { REDIS_URL: redis.url, NODE_ID: `node-${String.fromCharCode(97 + i)}`, ...opts.env, ...opts.envOf?.(i) },
      }),
    );
  }
  return {
    redis,
    databaseUrl,
    nodes,
    async stop() {
      await Promise.all(nodes.map((s) => s.stop()));
      await redis.stop();
    },
  };
}
