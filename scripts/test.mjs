// `npm test`: makes sure LiveKit is provisioned, then runs the whole Vitest
// suite inside a private network namespace (scripts/netns.sh), because media
// tests need a non-loopback interface and must not reach any real network.
// Arguments are passed to vitest (e.g. `npm test -- --project unit`).
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const run = (cmd, argv, opts = {}) => spawnSync(cmd, argv, { cwd: root, stdio: "inherit", ...opts });

const typecheck = run(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "--noEmit", "-p", "."]);
if (typecheck.status !== 0) {
  console.error("type check failed (tsc --noEmit)");
  process.exit(1);
}

// One-time LiveKit build, with progress, before any test waits on it.
const provision = run(process.execPath, ["--import", "tsx", "scripts/provision-livekit.ts"]);
if (provision.status !== 0) process.exit(provision.status ?? 1);

const vitest = [process.execPath, `${root}node_modules/vitest/vitest.mjs`, "run", ...args];
const canNamespace = process.getuid?.() === 0 && spawnSync("ip", ["netns", "list"]).status === 0;
if (!canNamespace) {
  console.error(
    "npm test needs to create a network namespace for the audio tests (root and iproute2);\n" +
      "running without one: the audio suites will fail. See docs/OPERATIONS.md#tests.",
  );
  process.exit(run(vitest[0], vitest.slice(1)).status ?? 1);
}

const ns = `earshot-${process.pid}`;
const address = execFileSync(`${root}scripts/netns.sh`, ["up", ns], { encoding: "utf8" }).trim();
let status = 1;
try {
  // A Postgres of our own inside the namespace (its loopback is not the host's).
  const pgEnv = { ...process.env, EARSHOT_PG_DIR: `/tmp/earshot-pg-${ns}`, EARSHOT_PG_PORT: "54329" };
  const hasPostgres = spawnSync("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin"], { stdio: "ignore" }).status === 0;
  const env = { ...process.env, EARSHOT_NETNS_ADDR: address };
  if (hasPostgres && !process.env.EARSHOT_TEST_POSTGRES_URL) {
    env.EARSHOT_TEST_POSTGRES_URL = execFileSync("ip", ["netns", "exec", ns, `${root}scripts/postgres.sh`, "start"], { encoding: "utf8", env: pgEnv }).trim();
  }
  status = run("ip", ["netns", "exec", ns, ...vitest], { env }).status ?? 1;
  if (env.EARSHOT_TEST_POSTGRES_URL && !process.env.EARSHOT_TEST_POSTGRES_URL) {
    run("ip", ["netns", "exec", ns, `${root}scripts/postgres.sh`, "stop"], { env: pgEnv, stdio: "ignore" });
    run("rm", ["-rf", pgEnv.EARSHOT_PG_DIR]);
  }
} finally {
  execFileSync(`${root}scripts/netns.sh`, ["down", ns]);
}
process.exit(status);
