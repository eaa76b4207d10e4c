import { createServer } from "node:net";
import { createSocket } from "node:dgram";

/**
 * The address of this process's private network namespace (scripts/test.mjs
 * runs the suite inside one). Media tests need it: WebRTC skips loopback.
 */
export function namespaceAddress(): string {
  const addr = process.env.EARSHOT_NETNS_ADDR;
  if (!addr) {
    throw new Error("Audio tests run inside the network namespace `npm test` creates (scripts/test.mjs); EARSHOT_NETNS_ADDR is not set.");
  }
  return addr;
}

export async function freeTcpPort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

export async function freeUdpPort(host: string): Promise<number> {
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, host, resolve));
  const port = socket.address().port;
  await new Promise<void>((r) => socket.close(() => r()));
  return port;
}

/** Env for a test server that supervises its own local LiveKit inside the namespace. */
export async function localLiveKitEnv(host: string): Promise<Record<string, string>> {
  return {
    LIVEKIT_URL: "",
    LIVEKIT_BIND: host,
    LIVEKIT_PORT: String(await freeTcpPort(host)),
    LIVEKIT_RTC_TCP_PORT: String(await freeTcpPort(host)),
    LIVEKIT_RTC_UDP_PORT: String(await freeUdpPort(host)),
  };
}
