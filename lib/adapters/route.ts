import type { CommandName } from "../contracts/commands";
import { appContext, type AppContext } from "../context";
import { AppError } from "../domain/errors";
import { checkSameOrigin } from "../http/csrf";
import { toErrorBody } from "../http/errors";
import { parseCommand } from "../http/parse";
import { callIdParam, json, readJson } from "../http/route";
import { STATUS } from "../http/status";
import { runCommand } from "../services/commands";
import { checkLookupBudget, countFailedLookup } from "../services/limits";
import { requestCaller } from "./identity";
import { requestAddress, requestAudioUrl } from "./route-input";

/**
 * Wraps a route handler, the one place a request meets the running server: it
 * reads the app context once and hands it down. Cross-site cookie-authenticated
 * writes are refused, an address that keeps asking for calls that do not exist
 * is slowed down, and any error becomes the API's error shape with its status,
 * never a crash.
 */
export function handle<P>(fn: (req: Request, params: P, ctx: AppContext) => Promise<Response>) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    const ctx = appContext();
    const params = await route.params;
    const namesCall = typeof (params as { id?: unknown } | undefined)?.id === "string";
    const address = requestAddress(req);
    try {
      checkSameOrigin(req, ctx.originPolicy());
      if (namesCall) await checkLookupBudget(ctx.deps.limits, address);
      return await fn(req, params, ctx);
    } catch (e) {
      const { body, error } = toErrorBody(e, `${req.method} ${new URL(req.url).pathname}`);
      if (namesCall) await countFailedLookup(ctx.deps.limits, address, error);
      const headers: Record<string, string> = {};
      if (error.details?.retryAfterMs) headers["Retry-After"] = String(Math.ceil(error.details.retryAfterMs / 1000));
      return json(body, STATUS[error.code], headers);
    }
  };
}

/** Commands only the socket carries (chat, your own mute and hand, audio tokens). */
type SocketOnly = "chat:send" | "mute:set" | "hand:set" | "audio:token";

/**
 * The REST twin of a socket command (`export const POST = command("role:set")`): the same schema
 * and service as the socket event. The body is the payload; under `…/:pid/…` the path names the
 * target participant. A result with fields answers 200 with them, an empty one 204.
 */
export function command(name: Exclude<CommandName, SocketOnly>) {
  return handle<{ id: string; pid?: string }>(async (req, params, ctx) => {
    // Who is asking comes first, as everywhere: a stranger learns nothing about the body's faults.
    const caller = await requestCaller(ctx, req, callIdParam(params));
    const body = await readJson(req);
    const payload = parseCommand(name, params.pid === undefined ? body : withTarget(body, params.pid));
    const result = await runCommand(name, ctx.deps, caller, payload, { audioUrl: () => requestAudioUrl(ctx.deps.audio, req) });
    return Object.keys(result).length === 0 ? new Response(null, { status: 204 }) : json(result);
  });
}

/** The path's participant joins the body's fields; one in the body too would be ambiguous. */
function withTarget(body: unknown, participantId: string): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  if ("participantId" in body) throw new AppError("INVALID_INPUT", "participantId: the path names the participant; leave it out of the body.");
  return { ...body, participantId };
}
