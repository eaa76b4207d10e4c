// `npm run bench:audio [-- --listeners 50,100,200 ...]`: provisions LiveKit,
// makes sure the production build is current, then runs bench/audio.ts inside
// a private network namespace of its own (scripts/netns.sh: a veth pair with
// both ends inside, 10.77.0.x, nothing routed out), and always deletes that
// namespace afterwards, also on failure or Ctrl-C.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// `--record` runs the recorder benchmark (bench/audio-record.ts) instead of the listeners one.
const record = process.argv.includes("--record");
const args = process.argv.slice(2).filter((a) => a !== "--record");

const isRoot = process.getuid?.() === 0;
const hasIp = spawnSync("ip", ["netns", "list"], { stdio: "ignore" }).status === 0;
if (!isRoot || !hasIp) {
  console.error(
    `The audio benchmark must run as root with iproute2 (\`ip\`) available, because it creates a private network namespace ` +
      `for the media traffic (WebRTC skips loopback); ${!isRoot ? "this process is not root" : "`ip netns` does not work here"}.`,
  );
  process.exit(1);
}

const step = (what, argv) => {
  const r = spawnSync(process.execPath, argv, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`bench:audio: ${what} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
};
step("LiveKit provisioning", ["--import", "tsx", "scripts/provision-livekit.ts"]);
step("the production build", ["scripts/ensure-build.mjs"]);

const ns = `earshot-bench-audio-${process.pid}`;
let down = false;
const teardown = () => {
  if (down) return;
  down = true;
  // Kills anything still running inside, then deletes the namespace.
  spawnSync(`${root}scripts/netns.sh`, ["down", ns], { stdio: "inherit" });
};
process.on("exit", teardown);

let address;
try {
  address = execFileSync(`${root}scripts/netns.sh`, ["up", ns], { encoding: "utf8" }).trim();
} catch (e) {
  console.error(`bench:audio: could not create the network namespace ${ns}: ${e.message}`);
  teardown();
  process.exit(1);
}
if (!/^10\.77\.0\.\d+$/.test(address)) {
  console.error(`bench:audio: scripts/netns.sh printed an unexpected address (${address}); stopping.`);
  teardown();
  process.exit(1);
}

const child = spawn("ip", ["netns", "exec", ns, process.execPath, "--import", "tsx", record ? "bench/audio-record.ts" : "bench/audio.ts", ...args], {
  cwd: root,
  stdio: "inherit",
  // production: quiet rtc-node's debug logging
  env: { ...process.env, EARSHOT_NETNS_ADDR: address, NODE_ENV: "production" },
});

let interrupted = null;
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    if (interrupted) {
      // Second interrupt: stop waiting.
      teardown();
      process.exit(130);
    }
    interrupted = sig;
    child.kill(sig); // the bench closes its peers and stops the server ...
    setTimeout(() => {
      console.error("bench:audio: the benchmark did not stop within 30 s; deleting the namespace with everything in it.");
      teardown();
      process.exit(130);
    }, 30_000).unref();
  });
}

child.on("error", (e) => {
  console.error(`bench:audio: could not start the benchmark: ${e.message}`);
  teardown();
  process.exit(1);
});
child.on("exit", (code, signal) => {
  teardown();
  process.exit(interrupted ? 130 : (code ?? (signal ? 1 : 0)));
});
