/**
 * Summarizes a V8 .cpuprofile (from `npm run bench:chat -- --server-cpu-prof DIR`):
 * self time by package / area and the hottest functions, so a bottleneck can be
 * named with numbers. `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = profile.endTime - profile.startTime;

/** Which part of the system a frame belongs to. */
function area(url: string, fn: string): string {
  if (fn === "(idle)") return "(idle)";
  if (fn === "(garbage collector)") return "(gc)";
  if (fn === "(program)") return "(program: native/V8)";
  if (!url) return "(native)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return url;
  if (/\/\.next\//.test(url)) return ".next (app bundle)";
  if (/\/lib\/db\/generated\//.test(url)) return "lib/db/generated (prisma client)";
  const local = /\/(lib|app|server\.ts|bench)(\/[^/]+)?/.exec(url);
  return local ? `${local[1]}${local[2] ?? ""}` : url;
}

const areas = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  if (!n) continue;
  const { functionName, url, lineNumber } = n.callFrame;
  const a = area(url, functionName);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const key = `${functionName || "(anonymous)"}  ${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(lib|app|server)/, "$1")}:${lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}

const busyUs = totalUs - (areas.get("(idle)") ?? 0);
const pct = (us: number, of: number) => `${((us / of) * 100).toFixed(1)}%`.padStart(6);
console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s profiled, ${(busyUs / 1e6).toFixed(1)} s busy (${pct(busyUs, totalUs).trim()})`);
console.log(`\nself time by area (% of busy time):`);
for (const [a, us] of [...areas]
  .filter(([a]) => a !== "(idle)")
  .sort((x, y) => y[1] - x[1])
  .slice(0, top)) {
  console.log(`  ${pct(us, busyUs)}  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${a}`);
}
console.log(`\nhottest functions (self, % of busy time):`);
for (const [f, us] of [...fns]
  .filter(([f]) => !f.startsWith("(idle)"))
  .sort((x, y) => y[1] - x[1])
  .slice(0, top)) {
  console.log(`  ${pct(us, busyUs)}  ${f}`);
}
