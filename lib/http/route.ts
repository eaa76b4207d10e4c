import type { z } from "zod";
import { CallIdSchema } from "../contracts/call-id";
import { AppError } from "../domain/errors";
import { parseWith } from "./parse";

export const MAX_BODY_BYTES = 16 * 1024;

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

/** Reads a JSON body of at most MAX_BODY_BYTES and parses it with a contract schema; an empty body is `{}`. */
export async function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, await readJson(req));
}

/** A JSON body of at most MAX_BODY_BYTES, not yet parsed with a schema; an empty body is `{}`. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await readText(req, MAX_BODY_BYTES);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
  }
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
  return parseWith(schema, Object.fromEntries(new URL(req.url).searchParams));
}

export function callIdParam(params: { id: string }): string {
  const parsed = CallIdSchema.safeParse(params.id);
  if (!parsed.success) throw new AppError("INVALID_CALL_ID", `"${params.id.slice(0, 64)}" is not a call ID; call IDs look like banana-hello-helicopter.`);
  return parsed.data;
}
