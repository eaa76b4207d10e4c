import { resolve } from "node:path";
import type { Env } from "../env";
import type { AudioRoom } from "../services/ports";
import { liveKitAudioRoom } from "./audio-room";
import { provisionLiveKit } from "./provision";
import { LiveKitSupervisor } from "./supervisor";
import { mediaPublicUrl } from "./public-url";
import { liveKitWebhookVerifier } from "./webhook";

export interface AudioBackend {
  /** The audio port: rooms, the browsers' URL, webhook verification. */
  room: AudioRoom;
  /** Where this server reaches the media server (the recorder connects there). */
  apiUrl: string;
  keys: { apiKey: string; apiSecret: string };
}

const keysOf = (env: Env) => {
  if (!env.LIVEKIT_API_KEY || !env.LIVEKIT_API_SECRET) throw new Error("LIVEKIT_API_KEY and LIVEKIT_API_SECRET are missing");
  return { apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET };
};

/** The media server Earshot talks to: the external LiveKit named by LIVEKIT_URL, or the local one. */
export function audioBackend(env: Env): AudioBackend {
  const keys = keysOf(env);
  const apiUrl = env.LIVEKIT_URL ?? `http://${env.LIVEKIT_BIND}:${env.LIVEKIT_PORT}`;
  const room = liveKitAudioRoom(
    { apiUrl, ...keys },
    {
      publicUrl: (page, forwardedProto) => mediaPublicUrl(env, page, forwardedProto),
      verifyWebhook: liveKitWebhookVerifier(keys.apiKey, keys.apiSecret),
    },
  );
  return { room, apiUrl, keys };
}

/**
 * Provisions and supervises the local LiveKit server (when LIVEKIT_URL is not
 * set). If it cannot start, Earshot stays up in degraded mode: no audio,
 * everything else works, and /api/health says livekit: false.
 */
export async function superviseLocalLiveKit(env: Env, appPort: number): Promise<{ stop(): Promise<void> }> {
  const appHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  try {
    const supervisor = new LiveKitSupervisor(
      await provisionLiveKit(),
      {
        bindAddress: env.LIVEKIT_BIND,
        nodeIp: env.LIVEKIT_NODE_IP ?? env.LIVEKIT_BIND,
        port: env.LIVEKIT_PORT,
        rtcTcpPort: env.LIVEKIT_RTC_TCP_PORT,
        rtcUdpPort: env.LIVEKIT_RTC_UDP_PORT,
        ...keysOf(env),
        webhookUrl: `http://${appHost}:${appPort}/api/livekit/webhook`,
      },
      resolve(env.EARSHOT_DATA_DIR),
    );
    await supervisor.start();
    console.log(`[earshot] local LiveKit server running at ${supervisor.httpUrl}`);
    return supervisor;
  } catch (e) {
    console.error(`[earshot] voice is unavailable: ${(e as Error).message}`);
    return { stop: async () => undefined };
  }
}
