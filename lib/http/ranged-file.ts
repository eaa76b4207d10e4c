import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parseByteRange } from "../domain/byte-range";

/**
 * Serves a file with HTTP range support (206 Partial Content), which is what
 * lets an audio element seek without downloading everything first.
 */
export function rangedFileResponse(req: Request, file: { path: string; size: number; type: string; downloadName?: string }): Response {
  const range = parseByteRange(req.headers.get("range"), file.size);
  const headers: Record<string, string> = { "Accept-Ranges": "bytes", "Content-Type": file.type, "Cache-Control": "private, no-store" };
  if (file.downloadName) headers["Content-Disposition"] = `attachment; filename="${file.downloadName}"`;
  if (range === "unsatisfiable") {
    return Response.json(
      { error: { code: "RANGE_NOT_SATISFIABLE", message: `The file has ${file.size} bytes; that range is outside it.` } },
      { status: 416, headers: { "Content-Range": `bytes */${file.size}` } },
    );
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  const length = Math.max(0, end - start + 1);
  const body = length === 0 ? null : (Readable.toWeb(createReadStream(file.path, { start, end })) as ReadableStream<Uint8Array>);
  headers["Content-Length"] = String(length);
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${file.size}`;
  return new Response(body, { status: range ? 206 : 200, headers });
}
