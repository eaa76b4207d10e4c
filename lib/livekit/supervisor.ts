import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { liveKitConfigYaml, type LocalLiveKitConfig } from "./config";

/**
 * Runs a local LiveKit server as a child process: writes its config, prefixes
 * its log lines, restarts it with backoff if it dies, and stops it when
 * Earshot exits. A stale server left by a crashed Earshot is ended first.
 */
export class LiveKitSupervisor {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarts = 0;
  private readonly configPath: string;
  private readonly pidPath: string;

  constructor(
    private readonly binary: string,
    private readonly config: LocalLiveKitConfig,
    dataDir: string,
    private readonly log: (line: string) => void = console.log,
  ) {
    const dir = join(dataDir, "livekit");
    mkdirSync(dir, { recursive: true });
    this.configPath = join(dir, "livekit.yaml");
    this.pidPath = join(dir, "livekit.pid");
  }

  get httpUrl(): string {
    return `http://${this.config.bindAddress}:${this.config.port}`;
  }

  async start(): Promise<void> {
    this.killStale();
    writeFileSync(this.configPath, liveKitConfigYaml(this.config), { mode: 0o600 });
    this.spawnOnce();
    process.once("exit", () => this.child?.kill("SIGKILL"));
    await this.waitHealthy(20_000);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      child.once("exit", () => (clearTimeout(timer), resolve()));
      child.kill("SIGTERM");
    });
    rmSync(this.pidPath, { force: true });
  }

  private spawnOnce() {
    const startedAt = Date.now();
    const child = spawn(this.binary, ["--config", this.configPath], { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    writeFileSync(this.pidPath, String(child.pid));
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on("line", (line) => this.log(`[livekit] ${line}`));
    }
    child.on("error", (e) => this.log(`[livekit] could not start ${this.binary}: ${e.message}`));
    child.on("exit", (code, signal) => {
      if (this.stopping) return;
      if (Date.now() - startedAt > 60_000) this.restarts = 0;
      const delay = Math.min(30_000, 1000 * 2 ** this.restarts++);
      this.log(`[livekit] exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`);
      setTimeout(() => !this.stopping && this.spawnOnce(), delay).unref();
    });
  }

  private killStale() {
    try {
      const pid = Number(readFileSync(this.pidPath, "utf8"));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmdline.includes(this.configPath)) process.kill(pid, "SIGKILL");
    } catch {
      // no pid file, or that process is gone or is something else
    }
  }

  private async waitHealthy(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(this.httpUrl, { signal: AbortSignal.timeout(1000) })).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`LiveKit did not answer on ${this.httpUrl} within ${timeoutMs / 1000} s`);
  }
}
