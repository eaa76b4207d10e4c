// `npm run cluster [-- --nodes N]`: Earshot as a cluster on this machine, from the
// files in deploy/: Postgres, Redis, N Earshot nodes (default 2), two LiveKit
// nodes sharing that Redis, and HAProxy in front on http://localhost:8080.
// Ctrl-C stops everything. docs/OPERATIONS.md#scaling-out explains each part.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { provisionLiveKit } from "../lib/livekit/provision";
import { ensureLocalSecrets } from "../lib/local-secrets";
import { balancerConfig, LIVEKIT_CONFIG, liveKitNodeEnv } from "./cluster-config";

const { values } = parseArgs({ options: { nodes: { type: "string", default: "2" }, host: { type: "string", default: "127.0.0.1" } } });
const nodes = Number(values.nodes);
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) throw new Error("--nodes takes a number from 1 to 16");
const host = values.host!;
const root = process.cwd();
const dir = resolve("data/cluster");
const BALANCER_PORT = 8080; // deploy/livekit.yaml sends webhooks there
const REDIS_PORT = 6390;
const PG = { EARSHOT_PG_DIR: join(dir, "postgres"), EARSHOT_PG_PORT: "54330" };
mkdirSync(dir, { recursive: true });

const children: ChildProcess[] = [];
function run(name: string, cmd: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on("line", (line) => console.log(`[${name}] ${line}`));
  child.once("exit", (code, signal) => {
    if (!stopping) console.log(`[cluster] ${name} exited (${signal ?? code})`);
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log("[cluster] stopping");
  await Promise.all(children.map((c) => new Promise<void>((done) => (c.exitCode !== null ? done() : (c.once("exit", () => done()), c.kill("SIGTERM"))))));
  execFileSync("scripts/postgres.sh", ["stop"], { env: { ...process.env, ...PG } });
  process.exit(0);
}
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());

async function waitFor(what: string, url: string) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
  }
  throw new Error(`${what} did not come up at ${url}`);
}

execFileSync(process.execPath, ["scripts/ensure-build.mjs"], { stdio: "inherit" });
nextEnv.loadEnvConfig(root, false, { info: () => undefined, error: console.error });
ensureLocalSecrets(root);
const liveKit = await provisionLiveKit();
const apiKey = process.env.LIVEKIT_API_KEY!;
const apiSecret = process.env.LIVEKIT_API_SECRET!;

const databaseUrl = execFileSync("scripts/postgres.sh", ["start"], { env: { ...process.env, ...PG }, encoding: "utf8" }).trim();
mkdirSync(join(dir, "redis"), { recursive: true });
run("redis", "redis-server", ["--port", String(REDIS_PORT), "--bind", host, "--dir", join(dir, "redis"), "--save", "", "--appendonly", "no"]);

const liveKitPorts = [7880, 7890];
liveKitPorts.forEach((port, i) =>
  run(
    `livekit-${i + 1}`,
    liveKit,
    ["--config", LIVEKIT_CONFIG, "--bind", host],
    liveKitNodeEnv({ apiKey, apiSecret, redisAddress: `${host}:${REDIS_PORT}`, port, nodeIp: host }),
  ),
);
await Promise.all(liveKitPorts.map((port, i) => waitFor(`livekit-${i + 1}`, `http://${host}:${port}`)));

const earshot = Array.from({ length: nodes }, (_, i) => ({ name: `node-${String.fromCharCode(97 + i)}`, port: 3001 + i }));
for (const [i, node] of earshot.entries()) {
  // With the open-file limit raised: every socket is a file (scripts/fd-limit.sh).
  run(node.name, "scripts/fd-limit.sh", [process.execPath, "--import", "tsx", "server.ts"], {
    NODE_ENV: "production",
    PORT: String(node.port),
    HOST: host,
    NODE_ID: node.name,
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://${host}:${REDIS_PORT}`,
    // Either LiveKit node accepts any room's clients (it routes them): spread the nodes over both.
    LIVEKIT_URL: `ws://${host}:${liveKitPorts[i % liveKitPorts.length]}`,
    LIVEKIT_API_KEY: apiKey,
    LIVEKIT_API_SECRET: apiSecret,
    TRUST_PROXY: "true",
    NEXTAUTH_URL: `http://localhost:${BALANCER_PORT}`,
  });
  // One at a time: the first applies the database migrations.
  await waitFor(node.name, `http://${host}:${node.port}/api/health`);
}

const haproxyConfig = join(dir, "haproxy.cfg");
writeFileSync(haproxyConfig, balancerConfig(earshot.map((n) => ({ name: n.name, address: `${host}:${n.port}` }))));
run("haproxy", "haproxy", ["-db", "-f", haproxyConfig], { EARSHOT_LB_BIND: `${host}:${BALANCER_PORT}` });
await waitFor("haproxy", `http://${host}:${BALANCER_PORT}/api/health`);
console.log(
  `[cluster] ready at http://localhost:${BALANCER_PORT}: ${nodes} Earshot node(s) behind HAProxy, 2 LiveKit nodes, Redis, Postgres. Ctrl-C stops it.`,
);
