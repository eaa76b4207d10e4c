/**
 * Composition root: env → database → Next → HTTP server → Socket.IO → listen →
 * LiveKit supervisor. One process serves the pages, the REST API and the
 * realtime events on one port, and runs the local media server when no
 * external one is configured.
 */
import { randomInt, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { hostname } from "node:os";
import nextEnv from "@next/env";
import next from "next";
import { issueCredential } from "./lib/auth/credentials";
import { publishAppContext } from "./lib/context";
import { dbKind, openDb } from "./lib/db/client";
import { migrate } from "./lib/db/migrate";
import { prismaHistoryStore } from "./lib/db/history-store";
import { prismaModerationStore } from "./lib/db/moderation-store";
import { prismaStore } from "./lib/db/store";
import { prismaUserStore } from "./lib/db/user-store";
import { authOptions } from "./lib/adapters/auth-options";
import { serveFastLane } from "./lib/adapters/fast-lane";
import { stampClientAddress } from "./lib/auth/client-address";
import { isUndecodablePath, refuseUndecodablePath } from "./lib/http/undecodable-path";
import { hashPassword, verifyPassword } from "./lib/auth/passwords";
import type { AccountDeps } from "./lib/services/accounts";
import { EnvError, isProduction, parseEnv, processEnvironment, type Env } from "./lib/env";
import { audioBackend, superviseLocalLiveKit } from "./lib/livekit/start-audio";
import { ensureLocalSecrets } from "./lib/local-secrets";
import { loneNode, redisNodeRegistry } from "./lib/cluster/nodes";
import { connectRedis } from "./lib/cluster/redis";
import { limiters } from "./lib/limits/limiters";
import { limitSettings } from "./lib/limits/settings";
import { createSocketServer, serveRealtime } from "./lib/realtime/server";
import { socketNotifier } from "./lib/realtime/notifier";
import type { Deps } from "./lib/services/deps";
import { markAway, sweepPresence } from "./lib/services/presence";
import { prismaRecordingStore } from "./lib/db/recording-store";
import { recordingFiles, recordingsDir } from "./lib/recording/files";
import { liveKitRecorder } from "./lib/recording/livekit-recorder";
import { recoverInterruptedRecordings } from "./lib/services/recording-retention";
import { stopAllRecordings } from "./lib/services/recording-control";

const dir = process.cwd();
const dev = !isProduction();

async function main() {
  (nextEnv.loadEnvConfig ?? (nextEnv as unknown as { default: typeof nextEnv }).default.loadEnvConfig)(dir, dev, console, true);
  // Development invents missing secrets; production requires them (`./run` generates them once for a local install).
  if (dev) reportGenerated(ensureLocalSecrets(dir));
  const env = readEnv();
  const audio = audioBackend(env);

  const applied = await migrate(env.DATABASE_URL, dir);
  if (applied.length) console.log(`[earshot] database migrations applied: ${applied.join(", ")}`);
  const db = await openDb(env.DATABASE_URL);
  // Cluster mode: the nodes share Redis (Socket.IO's adapter, rate limits).
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL) : null;
  const limits = limiters(limitSettings(env), redis);
  let draining = false;
  let siteUrl = env.NEXTAUTH_URL ?? null;
  const store = prismaStore(db, dbKind(env.DATABASE_URL));
  const users = prismaUserStore(db);

  const app = next({ dev, dir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const trustProxy = env.TRUST_PROXY === "true";
  const httpServer = createServer(connectionLimits(env), (req, res) => {
    if (isUndecodablePath(req.url)) return refuseUndecodablePath(res);
    stampClientAddress(req, trustProxy);
    if (!serveFastLane(req, res)) void handleRequest(req, res);
  });
  const realtimeServer = createSocketServer(httpServer, { dev, redis });
  const { io } = realtimeServer;
  const recordings = recordingsDir(env.EARSHOT_DATA_DIR);
  const files = recordingFiles(recordings);

  const deps: Deps = {
    store,
    users,
    history: prismaHistoryStore(db, dbKind(env.DATABASE_URL)),
    moderation: prismaModerationStore(db, dbKind(env.DATABASE_URL)),
    notifier: socketNotifier(io, { audienceCount: (callId) => store.countAudience(callId), clustered: redis !== null }),
    audio: audio.room,
    recorder: liveKitRecorder({ url: audio.apiUrl, ...audio.keys, ffmpeg: env.FFMPEG_PATH, dir: recordings, files }),
    recordings: prismaRecordingStore(db),
    recordingFiles: files,
    clock: { now: () => new Date() },
    randomInt: (n) => randomInt(n),
    issueCredential: (callId, participantId) => issueCredential(env.EARSHOT_SECRET, callId, participantId, env.CREDENTIAL_TTL_HOURS * 3_600_000),
    newId: () => randomUUID(),
    limits: limits.limits,
    nodes: redis ? redisNodeRegistry(redis, env.NODE_ID ?? `${hostname()}-${env.PORT}-${process.pid}`, env.SWEEP_INTERVAL_MS) : loneNode,
    config: {
      presenceTimeoutMs: env.PRESENCE_TIMEOUT_MS,
      callGraceMs: env.CALL_GRACE_MS,
      recordingRetentionDays: env.RECORDING_RETENTION_DAYS,
    },
  };
  const accounts: AccountDeps = {
    users,
    passwords: { hash: hashPassword, verify: verifyPassword },
    signInLimits: limits.signIn,
    adminEmails: new Set(
      env.ADMIN_EMAILS.split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  };
  publishAppContext({
    env,
    deps,
    accounts,
    authOptions: authOptions(env, db, accounts),
    health: async () => {
      const [db, livekit] = await Promise.all([store.ping(), audio.room.reachable()]);
      return { db, livekit, draining };
    },
    // Routes also trust the origin next-auth is given once the port is known (below).
    originPolicy: () => ({ trustProxy, trustedOrigins: siteUrl ? [new URL(siteUrl).origin] : [] }),
  });
  const realtime = serveRealtime(
    realtimeServer,
    deps,
    { credentialSecret: env.EARSHOT_SECRET, sessionSecret: env.NEXTAUTH_SECRET },
    {
      trustProxy,
      trustedOrigins: env.NEXTAUTH_URL ? [new URL(env.NEXTAUTH_URL).origin] : [],
    },
  );

  // Nobody is connected to a process that just started: everyone whose presence was here (everyone,
  // for a lone node) is away until their client reconnects, and times out if it never does.
  await deps.nodes.heartbeat();
  await markAway(deps, new Date(), { node: redis ? deps.nodes.self : null });
  // Recordings left running belong to this process only when it runs alone; in a cluster another
  // node may be recording right now (an admin's stop then ends a dead node's one as interrupted).
  if (!redis) await recoverInterruptedRecordings(deps);
  const recordingProblem = deps.recorder.unavailable();
  if (recordingProblem) console.warn(`[earshot] ${recordingProblem}`);
  const sweep = setInterval(() => sweepPresence(deps).catch((e) => console.error("[earshot] presence sweep failed:", e)), env.SWEEP_INTERVAL_MS);

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  // next-auth builds its redirect URLs from this (it reads process.env itself).
  siteUrl ??= `http://localhost:${port}`;
  processEnvironment().NEXTAUTH_URL = siteUrl;
  // The local media server needs our port for its webhooks, so it starts once we listen.
  const localLiveKit = env.LIVEKIT_URL ? null : await superviseLocalLiveKit(env, port);
  console.log(
    `[earshot] ready on http://localhost:${port} (${dev ? "development" : "production"}, ${env.DATABASE_URL.startsWith("file:") ? "SQLite" : "Postgres"})`,
  );
  console.log(`EARSHOT_LISTENING port=${port}`);

  /**
   * Draining: health answers 503 and the port closes (the load balancer sends newcomers elsewhere),
   * every socket is told to reconnect (in cluster mode, to another node, recovering what it missed),
   * socket events under way (chat writes) finish, then the process exits.
   */
  const shutdown = async (signal: string) => {
    console.log(`[earshot] ${signal}: draining`);
    draining = true;
    clearInterval(sweep);
    setTimeout(() => process.exit(0), 15_000).unref();
    io.close();
    httpServer.closeIdleConnections();
    await realtime.inFlight.settled(10_000);
    // Recordings end as an admin would end them ("stopped", with their segments), not "interrupted".
    await stopAllRecordings(deps);
    await Promise.allSettled([localLiveKit?.stop(), db.$disconnect(), redis?.quit()]);
    console.log("[earshot] drained");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

/** A connection that sends nothing, or dawdles over its request, is closed (408) instead of held open forever. */
function connectionLimits(env: Env) {
  const headersTimeout = Math.min(env.HEADERS_TIMEOUT_MS, env.REQUEST_TIMEOUT_MS);
  return {
    headersTimeout,
    requestTimeout: env.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: env.KEEP_ALIVE_TIMEOUT_MS,
    // How often Node looks for connections past those timeouts (its default, 30 s, would let them overstay).
    connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(headersTimeout / 4))),
  };
}

function reportGenerated(names: string[]) {
  for (const name of names) console.log(`[earshot] generated ${name} into .env.local (keep it; it is not committed)`);
}

function readEnv(): Env {
  try {
    return parseEnv();
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
