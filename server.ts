/**
 * Composition root: env → database → Next → HTTP server → Socket.IO → listen →
 * LiveKit supervisor. One process serves the pages, the REST API and the
 * realtime events on one port, and runs the local media server when no
 * external one is configured.
 */
import { randomInt, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import nextEnv from "@next/env";
import next from "next";
import { issueCredential } from "./lib/auth/credentials";
import { publishAppContext } from "./lib/context";
import { openDb } from "./lib/db/client";
import { migrate } from "./lib/db/migrate";
import { prismaStore } from "./lib/db/store";
import { RateLimiter } from "./lib/domain/rate-limit";
import { EnvError, parseEnv, type Env } from "./lib/env";
import { audioBackend, superviseLocalLiveKit } from "./lib/livekit/start-audio";
import { ensureLocalSecrets } from "./lib/local-secrets";
import { createSocketServer, serveRealtime } from "./lib/realtime/server";
import { socketNotifier } from "./lib/realtime/notifier";
import type { Deps } from "./lib/services/deps";
import { sweepPresence } from "./lib/services/presence";

const dir = process.cwd();
const dev = process.env.NODE_ENV !== "production";

async function main() {
  (nextEnv.loadEnvConfig ?? (nextEnv as unknown as { default: typeof nextEnv }).default.loadEnvConfig)(dir, dev, console, true);
  for (const name of ensureLocalSecrets(dir)) console.log(`[earshot] generated ${name} into .env.local (keep it; it is not committed)`);
  const env = readEnv();
  const audio = audioBackend(env);

  const applied = await migrate(env.DATABASE_URL, dir);
  if (applied.length) console.log(`[earshot] database migrations applied: ${applied.join(", ")}`);
  const db = await openDb(env.DATABASE_URL);
  const store = prismaStore(db);

  const app = next({ dev, dir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const httpServer = createServer((req, res) => void handleRequest(req, res));
  const io = createSocketServer(httpServer, { dev });

  const deps: Deps = {
    store,
    notifier: socketNotifier(io),
    audio: audio.room,
    clock: { now: () => new Date() },
    randomInt: (n) => randomInt(n),
    issueCredential: (callId, participantId) => issueCredential(env.EARSHOT_SECRET, callId, participantId, env.CREDENTIAL_TTL_HOURS * 3_600_000),
    newId: () => randomUUID(),
    chatLimiter: new RateLimiter({ ratePerSec: env.CHAT_RATE_PER_SEC, burst: env.CHAT_BURST }),
    config: {
      chatRate: { ratePerSec: env.CHAT_RATE_PER_SEC, burst: env.CHAT_BURST },
      presenceTimeoutMs: env.PRESENCE_TIMEOUT_MS,
      callGraceMs: env.CALL_GRACE_MS,
    },
  };
  publishAppContext({
    env,
    deps,
    health: async () => {
      const [db, livekit] = await Promise.all([store.ping(), audio.room.reachable()]);
      return { db, livekit };
    },
    audioUrl: audio.publicUrl,
    verifyAudioWebhook: audio.verifyWebhook,
  });
  serveRealtime(io, deps, env.EARSHOT_SECRET);

  // Nobody is connected to a process that just started: everyone still in a
  // call is away until their client reconnects, and times out if it never does.
  await store.markAllAway(new Date());
  const sweep = setInterval(() => sweepPresence(deps).catch((e) => console.error("[earshot] presence sweep failed:", e)), env.SWEEP_INTERVAL_MS);

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  // The local media server needs our port for its webhooks, so it starts once we listen.
  const localLiveKit = env.LIVEKIT_URL ? null : await superviseLocalLiveKit(env, port);
  console.log(`[earshot] ready on http://localhost:${port} (${dev ? "development" : "production"}, ${env.DATABASE_URL.startsWith("file:") ? "SQLite" : "Postgres"})`);
  console.log(`EARSHOT_LISTENING port=${port}`);

  const shutdown = (signal: string) => {
    console.log(`[earshot] ${signal}: shutting down`);
    clearInterval(sweep);
    io.close();
    httpServer.close();
    void Promise.allSettled([localLiveKit?.stop(), db.$disconnect()]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 4000).unref();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

function readEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

main().catch((e) => {
  console.error("[earshot] failed to start:", e);
  process.exit(1);
});
