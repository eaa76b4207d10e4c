// `npm test`: makes sure LiveKit is provisioned, then runs the whole Vitest
// suite inside a private network namespace (scripts/netns.sh), because media
// tests need a non-loopback interface and must not reach any real network.
// Arguments are passed to vitest (e.g. `npm test -- --project unit`).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const run = (cmd, argv, opts = {}) => spawnSync(cmd, argv, { cwd: root, stdio: "inherit", ...opts });
/** Runs a check to completion; false (after printing `failure`) when it fails. */
const runAsync = (cmd, argv, failure) =>
  new Promise((resolve) =>
    spawn(cmd, argv, { cwd: root, stdio: "inherit" }).on("close", (code) => {
      if (code !== 0) console.error(failure);
      resolve(code === 0);
    }),
  );

// The type check, the linter (import boundaries included) and the formatter's check side by side: none needs another.
const checks = await Promise.all([
  runAsync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "--noEmit", "-p", "."], "type check failed (tsc --noEmit)"),
  runAsync(process.execPath, [`${root}node_modules/eslint/bin/eslint.js`, "."], "lint failed (npm run lint)"),
  runAsync(process.execPath, [`${root}node_modules/prettier/bin/prettier.cjs`, "--check", "--log-level", "warn", "."], "formatting differs (npm run format)"),
]);
if (checks.some((ok) => !ok)) process.exit(1);

// One-time LiveKit build, with progress, before any test waits on it.
const provision = run(process.execPath, ["--import", "tsx", "scripts/provision-livekit.ts"]);
if (provision.status !== 0) process.exit(provision.status ?? 1);

const vitest = [process.execPath, `${root}node_modules/vitest/vitest.mjs`, "run", ...args];
const hasPostgres = spawnSync("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin"], { stdio: "ignore" }).status === 0;

/**
 * Runs vitest through `wrap` (e.g. into the namespace, whose loopback is not the host's) with a
 * throwaway Postgres of its own started the same way, unless EARSHOT_TEST_POSTGRES_URL names one.
 */
function vitestWithPostgres(wrap, env, pgDir) {
  const given = !!process.env.EARSHOT_TEST_POSTGRES_URL;
  if (!given && !hasPostgres) console.error("No PostgreSQL server here (Debian's postgresql package): the Postgres integration and cluster runs are left out.");
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0)
    console.error("No Redis server here (Debian's redis-server package): the cluster run is left out.");
  const own = !given && hasPostgres;
  const pgEnv = { ...process.env, EARSHOT_PG_DIR: pgDir, EARSHOT_PG_PORT: "54329" };
  const postgres = (action) => wrap(`${root}scripts/postgres.sh`, [action]);
  try {
    if (own) env = { ...env, EARSHOT_TEST_POSTGRES_URL: execFileSync(...postgres("start"), { encoding: "utf8", env: pgEnv }).trim() };
    return run(...wrap(vitest[0], vitest.slice(1)), { env }).status ?? 1;
  } finally {
    if (own) {
      run(...postgres("stop"), { env: pgEnv, stdio: "ignore" });
      run("rm", ["-rf", pgDir]);
    }
  }
}

const canNamespace = process.getuid?.() === 0 && spawnSync("ip", ["netns", "list"]).status === 0;
if (!canNamespace) {
  console.error(
    "npm test needs to create a network namespace for the audio tests (root and iproute2);\n" +
      "running without one: the audio suites will fail. See docs/OPERATIONS.md#tests.",
  );
  process.exit(vitestWithPostgres((cmd, argv) => [cmd, argv], process.env, `/tmp/earshot-pg-test-${process.pid}`));
}

const ns = `earshot-${process.pid}`;
const address = execFileSync(`${root}scripts/netns.sh`, ["up", ns], { encoding: "utf8" }).trim();
let status = 1;
try {
  const inNamespace = (cmd, argv) => ["ip", ["netns", "exec", ns, cmd, ...argv]];
  status = vitestWithPostgres(inNamespace, { ...process.env, EARSHOT_NETNS_ADDR: address }, `/tmp/earshot-pg-${ns}`);
} finally {
  execFileSync(`${root}scripts/netns.sh`, ["down", ns]);
}
process.exit(status);
