import { afterAll, beforeAll } from "vitest";
import { socketPool } from "./sockets";
import { startServer, type ServerOptions, type TestServer } from "./server";

/** A server for the test file (started before its tests, stopped after them) and a pool of its sockets, closed with it. */
export function fileServer(opts: ServerOptions = {}) {
  let server: TestServer | null = null;
  const sockets = socketPool(() => current());
  const current = () => {
    if (!server) throw new Error("the file's server is not started yet");
    return server;
  };
  beforeAll(async () => {
    server = await startServer(opts);
  });
  afterAll(async () => {
    sockets.closeAll();
    await server?.stop();
  });
  return { server: current, open: sockets.open };
}
