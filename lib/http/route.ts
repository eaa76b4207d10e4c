import type { z } from "zod";
import { CallIdSchema } from "../contracts/call-id";
import { AppError } from "../domain/errors";
import { bearerToken, parseCookies, type CredentialSources } from "../auth/identify";
import { CLIENT_ADDRESS_HEADER } from "../auth/client-address";
import { appContext } from "../context";
import { checkLookupBudget, countFailedLookup } from "../services/limits";
import { checkSameOrigin, type OriginPolicy } from "./csrf";
import { invalidInput, toErrorBody } from "./errors";
import { STATUS } from "./status";

export const MAX_BODY_BYTES = 16 * 1024;

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

/**
 * Wraps a route handler: cross-site cookie-authenticated writes are refused,
 * an address that keeps asking for calls that do not exist is slowed down,
 * and any error becomes the API's error shape with its status, never a crash.
 */
export function handle<P>(fn: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    const params = await ctx.params;
    const namesCall = typeof (params as { id?: unknown } | undefined)?.id === "string";
    const address = requestAddress(req);
    try {
      checkSameOrigin(req, originPolicy());
      if (namesCall) await checkLookupBudget(appContext().deps.limits, address);
      return await fn(req, params);
    } catch (e) {
      const { body, error } = toErrorBody(e, `${req.method} ${new URL(req.url).pathname}`);
      if (namesCall) await countFailedLookup(appContext().deps.limits, address, error);
      const headers: Record<string, string> = {};
      if (error.details?.retryAfterMs) headers["Retry-After"] = String(Math.ceil(error.details.retryAfterMs / 1000));
      return json(body, STATUS[error.code], headers);
    }
  };
}

/** The client address server.ts stamped on the request (lib/auth/client-address.ts). */
export const requestAddress = (req: Request): string => req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";

/** Reads a JSON body of at most MAX_BODY_BYTES and parses it with a contract schema; an empty body is `{}`. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await readText(req, MAX_BODY_BYTES);
  let data: unknown = {};
  if (text.trim() !== "") {
    try {
      data = JSON.parse(text);
    } catch {
      throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
    }
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** The body as text, refused with 413 past `maxBytes` (declared or actually sent) before more is read. */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const tooLarge = (maxBytes: number) => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes / 1024} KiB.`);

export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export function callIdParam(params: { id: string }): string {
  const parsed = CallIdSchema.safeParse(params.id);
  if (!parsed.success) throw new AppError("INVALID_CALL_ID", `"${params.id.slice(0, 64)}" is not a call ID; call IDs look like banana-hello-helicopter.`);
  return parsed.data;
}

export function credentialSources(req: Request): CredentialSources {
  return { bearer: bearerToken(req.headers.get("authorization")), cookies: parseCookies(req.headers.get("cookie")) };
}

/** NEXTAUTH_URL is the site's public origin when it sits behind a proxy that rewrites Host. */
function originPolicy(): OriginPolicy {
  const url = process.env.NEXTAUTH_URL;
  return { trustProxy: process.env.TRUST_PROXY === "true", trustedOrigins: url ? [new URL(url).origin] : [] };
}
