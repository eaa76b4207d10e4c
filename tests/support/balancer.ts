import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { balancerConfig } from "../../scripts/cluster-config";
import { freePort } from "./redis";
import type { TestServer } from "./server";

export interface TestBalancer {
  url: string;
  stop(): Promise<void>;
}

/** HAProxy (Debian's) in front of the nodes, on a free port of the same host. */
export async function startBalancer(nodes: TestServer[], host = "127.0.0.1", port?: number): Promise<TestBalancer> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), "earshot-lb-"));
  const file = join(dir, "haproxy.cfg");
  writeFileSync(file, balancerConfig(nodes.map((n, i) => ({ name: `node-${String.fromCharCode(97 + i)}`, address: `${host}:${n.port}` }))));
  const child = spawn("haproxy", ["-db", "-f", file], { env: { ...process.env, EARSHOT_LB_BIND: `${host}:${port}` }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c));
  child.stderr!.on("data", (c: Buffer) => (output += c));
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`haproxy did not serve in 10 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => (rmSync(dir, { recursive: true, force: true }), resolve()));
        child.kill("SIGTERM");
      }),
  };
}
