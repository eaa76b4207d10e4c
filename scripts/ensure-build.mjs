// Runs `next build` when the production build is missing or older than the
// sources it is built from, so `npm test` always tests what `npm start` serves.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "next.config.mjs", "postcss.config.mjs", "package.json", "tsconfig.json"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map((s) => newestMtime(join(root, s))));
if (built >= changed) {
  console.log("production build is up to date");
} else {
  console.log("building the production bundle (next build) ...");
  const startedAt = new Date();
  // A self-hosted, privacy-minded app sends nothing home: Next.js telemetry is off for its build.
  execFileSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // Date the build by when it started: a source saved while it ran is then newer, and triggers the next build.
  utimesSync(stamp, startedAt, startedAt);
}
