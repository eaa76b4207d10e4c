/**
 * The benchmark's baseline: a bare Socket.IO 4.8 server that does the least a
 * chat fan-out can do. Every connection joins one room and gets a `call:state`;
 * every `chat:send` is broadcast to the room as a `chat:message` shaped like
 * Earshot's and acked at once. No auth, no validation, no persistence.
 *
 * Run as its own process (like the Earshot server under test):
 *   node --import tsx bench/baseline-server.ts
 * prints `BASELINE_LISTENING port=<n>` on 127.0.0.1; exits on SIGTERM/SIGINT or
 * when its stdin closes (the bench died), so it never outlives the bench.
 */
import { createServer } from "node:http";
import { Server } from "socket.io";

const ROOM = "call";
const httpServer = createServer((_req, res) => {
  res.writeHead(404).end();
});
// Same payload limit as Earshot (lib/realtime/server.ts) so both parse the same frames.
const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024 });
let nextId = 0;

io.on("connection", (socket) => {
  void socket.join(ROOM);
  socket.emit("call:state", { call: null, self: null, participants: [], messages: [], nextCursor: null });
  socket.on("chat:send", (payload: { clientId?: unknown; body?: unknown }, ack: unknown) => {
    const message = {
      id: String(++nextId),
      clientId: String(payload?.clientId ?? ""),
      callId: "baseline-bench-call",
      senderId: socket.id,
      senderName: "pleb-baseline",
      body: String(payload?.body ?? ""),
      createdAt: new Date().toISOString(),
    };
    io.to(ROOM).emit("chat:message", message);
    if (typeof ack === "function") ack({ ok: true, message, duplicate: false });
  });
});

httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`BASELINE_LISTENING port=${port}`);
});

const stop = () => {
  io.close();
  httpServer.close();
  setTimeout(() => process.exit(0), 500).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
