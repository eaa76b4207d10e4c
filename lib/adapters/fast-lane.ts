import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { toErrorBody } from "../http/errors";
import securityHeaders from "../http/security-headers.json";
import { STATUS } from "../http/status";
import { POST as join } from "./join-route";

type RouteHandler = (req: Request, route: { params: Promise<{ id: string }> }) => Promise<Response>;

/**
 * The requests a crowd sends, one per listener, served by their route handlers without Next's
 * router. Next's routing, tracing and request adaptation cost about a fifth of a join's CPU
 * (bench/README.md, "Per-join cost"); a storm of thousands of joins pays it thousands of times.
 * Same handlers, same wrapper (`handle`), same headers: only the dispatch differs, and the Next
 * route stays for any request that reaches it.
 */
const LANE: { method: string; path: RegExp; handler: RouteHandler }[] = [{ method: "POST", path: /^\/api\/calls\/([^/]+)\/join$/, handler: join }];

/** Serves the request if it is on the fast lane; false leaves it to Next. */
export function serveFastLane(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "/").split("?")[0]!;
  for (const route of LANE) {
    const match = req.method === route.method ? route.path.exec(path) : null;
    if (!match) continue;
    void respond(req, res, (request) => route.handler(request, { params: Promise.resolve({ id: decodeURIComponent(match[1]!) }) }));
    return true;
  }
  return false;
}

async function respond(req: IncomingMessage, res: ServerResponse, run: (request: Request) => Promise<Response>): Promise<void> {
  let response: Response;
  try {
    response = await run(webRequest(req));
  } catch (e) {
    // `handle` answers every error itself; this is for a request that could not even be adapted.
    const { body, error } = toErrorBody(e, `${req.method} ${req.url}`);
    response = Response.json(body, { status: STATUS[error.code] });
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  // A body refused before it was all read (413) leaves the connection unusable: the client must not reuse it.
  if (!req.complete) res.setHeader("connection", "close");
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  response.headers.forEach((value, key) => key !== "set-cookie" && res.setHeader(key, value));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.end(body);
}

/** The Node request as the Fetch API's Request the handlers take (URL from the Host header, as Next builds it). */
function webRequest(req: IncomingMessage): Request {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.headers.host) url.host = req.headers.host; // an invalid Host leaves localhost
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  // A join has no body, as a rule: a stream for nothing would cost more than the rest of this.
  const empty = req.headers["content-length"] === "0" || (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined);
  if (empty) return new Request(url, { method: req.method, headers });
  return new Request(url, { method: req.method, headers, body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } as RequestInit);
}
