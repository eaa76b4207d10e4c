import { type createAdapter } from "@socket.io/redis-streams-adapter";
import type { Socket } from "socket.io";
import type { RedisClient } from "./redis";

/** How a broadcast is kept in the stream (the adapter's own format, decoded by its own `decode`). */
interface StreamBroadcast {
  type: number;
  nsp: string;
  data?: { packet: { data: unknown[] }; opts: { rooms: string[]; except: string[] } };
}
type StreamAdapter = {
  restoreSession(pid: string, offset: string): Promise<{ missedPackets: unknown[][] } | null>;
  constructor: { decode(raw: Record<string, string>): StreamBroadcast };
};
type AdapterFactory = ReturnType<typeof createAdapter>;

const BROADCAST = 3;
const EVENT_PACKET = 2;

/**
 * Connection state recovery through the Redis streams adapter reads what a
 * client missed from the stream, then puts the socket back in its rooms; a
 * broadcast this node makes in between reaches neither, and is lost (an
 * upstream race: recovery is a best effort there). This closes the gap: it
 * remembers where each restored session's replay stopped, and once the socket
 * is in its rooms reads the stream again from there and hands over what the
 * socket's rooms were sent since. The rare packet that also arrived the usual
 * way comes twice; clients merge by id.
 */
export function recoveryGapCloser(redis: RedisClient, streamName: string) {
  const replayedUpTo = new Map<string, string>();
  let decode: StreamAdapter["constructor"]["decode"] | null = null;

  // Socket.IO calls the adapter with `new`: a function (not an arrow) whose returned object wins.
  const wrap = (factory: AdapterFactory): AdapterFactory =>
    function recoveringAdapter(nsp: Parameters<AdapterFactory>[0]) {
      const adapter = factory(nsp) as unknown as StreamAdapter;
      decode = adapter.constructor.decode;
      const restore = adapter.restoreSession.bind(adapter);
      adapter.restoreSession = async (pid, offset) => {
        const session = await restore(pid, offset);
        // Each replayed packet carries its stream offset last.
        const last = session?.missedPackets.at(-1)?.at(-1);
        if (session) replayedUpTo.set(pid, typeof last === "string" ? last : offset);
        return session;
      };
      return adapter as unknown as ReturnType<AdapterFactory>;
    };

  const close = async (socket: Socket): Promise<void> => {
    const pid = String((socket.handshake.auth as { pid?: unknown }).pid ?? "");
    const from = replayedUpTo.get(pid);
    replayedUpTo.delete(pid);
    if (!from || !decode) return;
    const rooms = [...socket.rooms];
    const entries = (await redis.xRange(streamName, `(${from}`, "+")) ?? [];
    for (const entry of entries) {
      const message = decode(entry.message as Record<string, string>);
      const data = message.data;
      if (message.type !== BROADCAST || message.nsp !== socket.nsp.name || !data) continue;
      const { rooms: to, except } = data.opts;
      if ((to.length === 0 || rooms.some((r) => to.includes(r))) && rooms.every((r) => !except.includes(r))) {
        (socket as unknown as { packet(p: { type: number; data: unknown[] }): void }).packet({ type: EVENT_PACKET, data: [...data.packet.data, entry.id] });
      }
    }
  };

  return { wrap, close };
}
