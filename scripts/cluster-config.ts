// What `npm run cluster` and the cluster tests deploy, from the files in deploy/.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const LIVEKIT_CONFIG = fileURLToPath(new URL("../deploy/livekit.yaml", import.meta.url));
const HAPROXY_CONFIG = fileURLToPath(new URL("../deploy/haproxy.cfg", import.meta.url));

/** deploy/haproxy.cfg with a server line per node, as an operator would add them. */
export function balancerConfig(nodes: { name: string; address: string }[]): string {
  return `${readFileSync(HAPROXY_CONFIG, "utf8").trimEnd()}\n${nodes.map((n) => `    server ${n.name} ${n.address} cookie ${n.name}`).join("\n")}\n`;
}

/** The environment one LiveKit node of the cluster runs with, beside deploy/livekit.yaml. */
export function liveKitNodeEnv(o: { apiKey: string; apiSecret: string; redisAddress: string; port: number; nodeIp: string }): Record<string, string> {
  return {
    LIVEKIT_KEYS: `${o.apiKey}: ${o.apiSecret}`,
    LIVEKIT_WEBHOOK_API_KEY: o.apiKey,
    LIVEKIT_REDIS_ADDRESS: o.redisAddress,
    LIVEKIT_PORT: String(o.port),
    LIVEKIT_RTC_TCP_PORT: String(o.port + 1),
    UDP_PORT: String(o.port + 2),
    NODE_IP: o.nodeIp,
  };
}
