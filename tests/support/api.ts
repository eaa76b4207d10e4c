import type { SessionResponse } from "@/lib/contracts/rest";
import type { TestServer } from "./server";

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A REST call against a test server; `credential` goes in as a bearer token. */
export async function api<T = any>(
  server: Pick<TestServer, "url">,
  method: string,
  path: string,
  opts: { body?: unknown; raw?: string; credential?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined || opts.raw !== undefined) headers["content-type"] ??= "application/json";
  if (opts.credential) headers.authorization = `Bearer ${opts.credential}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: tests assert on the text.
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

export async function createCall(server: Pick<TestServer, "url">, defaultRole: "listener" | "chatter" | "speaker" = "listener", title?: string) {
  const res = await api<SessionResponse>(server, "POST", "/api/calls", { body: { defaultRole, ...(title ? { title } : {}) } });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function joinCall(server: Pick<TestServer, "url">, callId: string, credential?: string) {
  const res = await api<SessionResponse>(server, "POST", `/api/calls/${callId}/join`, { credential });
  if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
