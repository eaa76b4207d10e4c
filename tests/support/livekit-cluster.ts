import { spawn, type ChildProcess } from "node:child_process";
import { LIVEKIT_CONFIG, liveKitNodeEnv } from "../../scripts/cluster-config";
import { provisionLiveKit } from "@/lib/livekit/provision";
import { freeTcpPort } from "./netns";
import { TEST_LIVEKIT_KEY, TEST_LIVEKIT_SECRET } from "./server";

export interface LiveKitNode {
  url: string;
  /** Everything it logged so far (which rooms it runs shows there). */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * One node of a LiveKit cluster, as `npm run cluster` starts it: deploy/livekit.yaml with this
 * node's ports and the shared Redis from the environment, listening on `host`.
 */
export async function startLiveKitNode(host: string, redisAddress: string): Promise<LiveKitNode> {
  // Three consecutive ports (signal, RTC TCP, RTC UDP), as the cluster command lays them out.
  let port = await freeTcpPort(host);
  while (port > 65_000) port = await freeTcpPort(host);
  const env = liveKitNodeEnv({ apiKey: TEST_LIVEKIT_KEY, apiSecret: TEST_LIVEKIT_SECRET, redisAddress, port, nodeIp: host });
  const child: ChildProcess = spawn(await provisionLiveKit(() => undefined), ["--config", LIVEKIT_CONFIG, "--bind", host], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c));
  child.stderr!.on("data", (c: Buffer) => (output += c));
  const url = `ws://${host}:${port}`;
  for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 200))) {
    if (child.exitCode !== null) throw new Error(`LiveKit exited with ${child.exitCode}:\n${output}`);
    if (
      await fetch(`http://${host}:${port}`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`LiveKit did not start in 20 s:\n${output}`);
  }
  return {
    url,
    logs: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
