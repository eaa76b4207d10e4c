/** Settings for a single local LiveKit node. */
export interface LocalLiveKitConfig {
  bindAddress: string;
  /** The address LiveKit advertises for media (ICE). */
  nodeIp: string;
  port: number;
  rtcTcpPort: number;
  rtcUdpPort: number;
  apiKey: string;
  apiSecret: string;
  webhookUrl: string;
}

const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML scalar

/**
 * LiveKit's YAML config. It is strict (unknown keys fail) and offline:
 * use_external_ip would need STUN, which this deployment cannot assume.
 */
export function liveKitConfigYaml(c: LocalLiveKitConfig): string {
  return [
    `port: ${c.port}`,
    `bind_addresses: [${q(c.bindAddress)}]`,
    "rtc:",
    `  tcp_port: ${c.rtcTcpPort}`,
    `  udp_port: ${c.rtcUdpPort}`,
    "  use_external_ip: false",
    `  node_ip: ${q(c.nodeIp)}`,
    "  enable_loopback_candidate: true",
    "keys:",
    `  ${q(c.apiKey)}: ${q(c.apiSecret)}`,
    "webhook:",
    `  api_key: ${q(c.apiKey)}`,
    `  urls: [${q(c.webhookUrl)}]`,
    "room:",
    "  empty_timeout: 300",
    "logging:",
    "  level: info",
    "",
  ].join("\n");
}
