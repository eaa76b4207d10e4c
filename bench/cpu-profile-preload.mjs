// Loaded into an Earshot server by `bench:chat --server-cpu-prof DIR` through
// NODE_OPTIONS="--import .../cpu-profile-preload.mjs" (node refuses --cpu-prof
// there): profiles the whole process with the inspector and writes
// $EARSHOT_BENCH_CPU_PROF_DIR/<pid>.cpuprofile when it exits.
import { Session } from "node:inspector";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.EARSHOT_BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  process.once("exit", () => {
    // Same-thread inspector sessions answer synchronously, so this completes before exit.
    session.post("Profiler.stop", (err, res) => {
      if (err || !res?.profile) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}
