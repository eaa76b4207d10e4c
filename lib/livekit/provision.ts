import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { processEnvironment, toolSettings } from "../env";

export const LIVEKIT_VERSION = "1.13.5";
const MODULE = `github.com/livekit/livekit-server/cmd/server@v${LIVEKIT_VERSION}`;

export class LiveKitUnavailable extends Error {}

export const INSTALL_HELP = [
  `Earshot needs LiveKit server v${LIVEKIT_VERSION} for audio. Any one of these works:`,
  "  - install Go 1.26+ and run Earshot again: it builds LiveKit once and caches it;",
  "  - install LiveKit yourself (https://docs.livekit.io/home/self-hosting/local/: `brew install livekit`,",
  "    or the install script from livekit.io) so that `livekit-server` is on PATH, or set LIVEKIT_BIN to it;",
  "  - or point Earshot at a LiveKit you already run: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.",
].join("\n");

export function cacheDir(): string {
  const tools = toolSettings();
  return tools.EARSHOT_CACHE_DIR || join(tools.XDG_CACHE_HOME || join(homedir(), ".cache"), "earshot");
}

/** Where the built binary is cached: outside the project, so clones and `npm ci` keep it. */
export const cachedBinary = () => join(cacheDir(), `livekit-server-v${LIVEKIT_VERSION}`);

function onPath(name: string): string | null {
  for (const dir of toolSettings().PATH.split(delimiter)) {
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Finds a LiveKit server binary: LIVEKIT_BIN, `livekit-server` on PATH, the
 * cache, or else builds it once with the Go toolchain (a few minutes, with
 * progress lines). Throws LiveKitUnavailable with install options otherwise.
 */
export async function provisionLiveKit(log: (line: string) => void = console.log): Promise<string> {
  const explicit = toolSettings().LIVEKIT_BIN;
  if (explicit) {
    if (!existsSync(explicit)) throw new LiveKitUnavailable(`LIVEKIT_BIN points at ${explicit}, which does not exist.\n${INSTALL_HELP}`);
    return explicit;
  }
  const found = onPath("livekit-server");
  if (found) return found;
  const cached = cachedBinary();
  if (existsSync(cached)) return cached;
  const go = onPath("go");
  if (!go) throw new LiveKitUnavailable(`No LiveKit server found and no Go toolchain to build one.\n${INSTALL_HELP}`);
  await buildWithGo(go, cached, log);
  return cached;
}

async function buildWithGo(go: string, target: string, log: (line: string) => void): Promise<void> {
  mkdirSync(cacheDir(), { recursive: true });
  const gobin = mkdtempSync(join(cacheDir(), "build-"));
  log(`[livekit] building LiveKit server v${LIVEKIT_VERSION}, one time, a few minutes (go install ${MODULE})`);
  const started = Date.now();
  const ticker = setInterval(() => log(`[livekit] still building ... ${Math.round((Date.now() - started) / 1000)} s`), 20_000);
  try {
    const output = await new Promise<string>((resolve, reject) => {
      // Built outside the project so no go.mod is picked up.
      const child = spawn(go, ["install", MODULE], { cwd: gobin, env: { ...processEnvironment(), GOBIN: gobin, GOFLAGS: "-mod=mod" } });
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c));
      child.stderr.on("data", (c: Buffer) => (out += c));
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve(out) : reject(new LiveKitUnavailable(`go install failed (exit ${code}):\n${out.slice(-2000)}\n${INSTALL_HELP}`)),
      );
    });
    void output;
    // The module's binary is called `server`; keep it under a name that says what it is.
    renameSync(join(gobin, "server"), target);
    log(`[livekit] built in ${Math.round((Date.now() - started) / 1000)} s, cached at ${target}`);
  } finally {
    clearInterval(ticker);
    rmSync(gobin, { recursive: true, force: true });
  }
}
