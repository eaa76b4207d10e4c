import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { freshDatabaseUrl } from "./database";
import { localLiveKitEnv } from "./netns";

export const TEST_LIVEKIT_KEY = "earshot_test";
export const TEST_LIVEKIT_SECRET = "test-livekit-secret-test-livekit-secret";
export const DEGRADED_LIVEKIT_URL = "ws://127.0.0.1:9";

/** Limits high enough for a suite's many clients on one address. */
export const GENEROUS_LIMITS: Record<string, string> = {
  JOIN_RATE_PER_MIN: "100000",
  JOIN_BURST: "100000",
  CREATE_CALL_RATE_PER_MIN: "100000",
  CREATE_CALL_BURST: "100000",
  MODERATION_RATE_PER_MIN: "100000",
  MODERATION_BURST: "100000",
  SELF_CHANGE_RATE_PER_MIN: "100000",
  SELF_CHANGE_BURST: "100000",
  CHAT_ADDRESS_RATE_PER_SEC: "100000",
  CHAT_ADDRESS_BURST: "100000",
  LOOKUP_FAIL_RATE_PER_MIN: "100000",
  LOOKUP_FAIL_BURST: "100000",
};

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface TestServer {
  url: string;
  port: number;
  databaseUrl: string;
  /** The server process (for counting its open files or memory). */
  pid(): number;
  /** Everything the server printed so far. */
  logs(): string;
  /**
   * Kills the process (SIGKILL: no graceful shutdown, like a crash; or SIGTERM: a clean stop)
   * and starts it again on the same port, database and data folder.
   */
  restart(signal?: "SIGKILL" | "SIGTERM"): Promise<void>;
  /** Sends a signal and waits for the process to exit (SIGKILL: a crash; SIGTERM: a drain), without starting it again. */
  signal(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  env?: Record<string, string>;
  databaseUrl?: string;
  /** Network address to bind: loopback unless a test runs inside its own namespace. */
  host?: string;
  /** Supervise a local LiveKit on `host` (inside the namespace), on ports picked here. */
  localLiveKit?: boolean;
}

/** Starts the real server (production build, server.ts) as a child process on a free port. */
export async function startServer(opts: ServerOptions = {}): Promise<TestServer> {
  const databaseUrl = opts.databaseUrl ?? (await freshDatabaseUrl());
  const dataDir = mkdtempSync(join(tmpdir(), "earshot-data-"));
  const host = opts.host ?? "127.0.0.1";
  let output = "";
  let child: ChildProcess;
  const liveKitPorts = async () => (opts.localLiveKit ? localLiveKitEnv(host) : {});
  let env = { ...(await liveKitPorts()), ...opts.env };

  const launch = (port: number) =>
    new Promise<number>((resolve, reject) => {
      child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          HOST: host,
          DATABASE_URL: databaseUrl,
          EARSHOT_SECRET: "test-secret-test-secret-test-secret-0123",
          NEXTAUTH_SECRET: "test-nextauth-secret-test-nextauth-secret",
          EARSHOT_DATA_DIR: dataDir,
          // Unless a test brings its own media server, LiveKit is unreachable
          // (a closed loopback port): the server runs in its degraded mode.
          LIVEKIT_URL: DEGRADED_LIVEKIT_URL,
          LIVEKIT_API_KEY: TEST_LIVEKIT_KEY,
          LIVEKIT_API_SECRET: TEST_LIVEKIT_SECRET,
          // Every test client comes from one address: per-address limits are raised as a bench raises
          // them. The tests of the limits themselves set their own.
          ...GENEROUS_LIMITS,
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /EARSHOT_LISTENING port=(\d+)/.exec(output.slice(-400));
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before listening:\n${output}`));
      });
    });

  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });

  let port = await launch(0);
  // A local LiveKit's ports were free when they were picked, but another process may take one before
  // LiveKit binds it (servers and media peers start side by side in the namespace): then try fresh ones.
  const FRESH_PORTS = "\n--- fresh LiveKit ports ---\n";
  for (let attempt = 1; opts.localLiveKit && output.split(FRESH_PORTS).at(-1)!.includes("voice is unavailable"); attempt++) {
    if (attempt === 3) throw new Error(`the local LiveKit did not start:\n${output}`);
    await kill("SIGTERM");
    output += FRESH_PORTS;
    env = { ...env, ...(await liveKitPorts()) };
    port = await launch(0);
  }
  return {
    url: `http://${host}:${port}`,
    port,
    databaseUrl,
    pid: () => child.pid!,
    logs: () => output,
    async restart(signal = "SIGKILL") {
      await kill(signal);
      output += "\n--- restart ---\n";
      await launch(port);
    },
    signal: (signal) => kill(signal),
    async stop() {
      await kill("SIGTERM");
      // What this server made for itself goes with it; a database the caller passed in is the caller's.
      rmSync(dataDir, { recursive: true, force: true });
      if (!opts.databaseUrl && databaseUrl.startsWith("file:")) rmSync(dirname(databaseUrl.slice("file:".length)), { recursive: true, force: true });
    },
  };
}
