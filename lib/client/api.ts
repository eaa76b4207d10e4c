import { z } from "zod";
import { AdminCallsPageSchema, AdminUserSchema, AdminUsersPageSchema, type AdminCallsPage, type AdminUser, type AdminUsersPage } from "../contracts/admin";
import {
  type MessagePage,
  MessagePageSchema,
  type ModerationPage,
  ModerationPageSchema,
  type ParticipantDto,
  ParticipantDtoSchema,
  type ParticipantPage,
  ParticipantPageSchema,
} from "../contracts/dto";
import { type CallHistory, CallHistorySchema } from "../contracts/history";
import { type SignUpBody, type UserDto, UserDtoSchema } from "../contracts/accounts";
import { type ErrorCode, ErrorBodySchema } from "../contracts/errors";
import { type CallResponse, CallResponseSchema, type CreateCallBody, type SessionResponse, SessionResponseSchema } from "../contracts/rest";

/** The API's own codes, plus two for failures that never reached it or came back unreadable. */
export type ClientErrorCode = ErrorCode | "NETWORK" | "BAD_RESPONSE";

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** A request as an action's result: ok, or the server's refusal sentence (`fallback` when there is none). */
export async function attempt(request: Promise<unknown>, fallback: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await request;
    return { ok: true };
  } catch (e) {
    return { ok: false, message: isApiError(e) ? e.message : fallback };
  }
}

const path = (callId: string, rest = "") => `/api/calls/${encodeURIComponent(callId)}${rest}`;

async function request<S extends z.ZodType | null>(
  method: "GET" | "POST" | "DELETE",
  url: string,
  schema: S,
  body?: unknown,
): Promise<S extends z.ZodType ? z.infer<S> : void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("NETWORK", "Could not reach the Earshot server; check your connection and try again.", 0);
  }
  const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ErrorBodySchema.safeParse(data);
    if (parsed.success) throw new ApiError(parsed.data.error.code, parsed.data.error.message, res.status);
    throw new ApiError("BAD_RESPONSE", `The server answered ${res.status} without an explanation; please try again.`, res.status);
  }
  if (!schema) return undefined as never;
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError("BAD_RESPONSE", "The server's answer was not what this page expected; try reloading.", res.status);
  return parsed.data as never;
}

const ParticipantEnvelope = z.object({ participant: ParticipantDtoSchema });
const UserEnvelope = z.object({ user: UserDtoSchema });
const AdminUserEnvelope = z.object({ user: AdminUserSchema });
export const AdminCallViewSchema = CallHistorySchema.extend({ moderation: ModerationPageSchema });
export type AdminCallView = z.infer<typeof AdminCallViewSchema>;

/** `?a=1&b=2` from the options that are set, or "". */
function queryString(opts: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(opts)) if (v !== undefined && v !== null && v !== "") query.set(k, String(v));
  const qs = query.toString();
  return qs ? `?${qs}` : "";
}

const adminCall = (callId: string, rest = "") => `/api/admin/calls/${encodeURIComponent(callId)}${rest}`;

/** The site admin API (/api/admin): refused with 403 to anyone who is not a site admin. */
export const adminApi = {
  listCalls: (q: { status: "live" | "ended" | "all"; q?: string; cursor?: string | null }): Promise<AdminCallsPage> =>
    request("GET", `/api/admin/calls${queryString({ status: q.status, q: q.q, cursor: q.cursor })}`, AdminCallsPageSchema),
  inspectCall: (callId: string): Promise<AdminCallView> => request("GET", adminCall(callId), AdminCallViewSchema),
  moderationLog: (callId: string, before: string): Promise<ModerationPage> =>
    request("GET", adminCall(callId, `/moderation-log${queryString({ before })}`), ModerationPageSchema),
  /** Older transcript pages of any call (site admins may read every call's history). */
  history: (callId: string, before: string): Promise<CallHistory> => request("GET", path(callId, `/history${queryString({ before })}`), CallHistorySchema),
  endCall: (callId: string): Promise<void> => request("POST", adminCall(callId, "/end"), null, {}),
  joinCall: (callId: string): Promise<SessionResponse> => request("POST", adminCall(callId, "/join"), SessionResponseSchema, {}),
  listUsers: (q: { q?: string; cursor?: string | null }): Promise<AdminUsersPage> =>
    request("GET", `/api/admin/users${queryString({ q: q.q, cursor: q.cursor })}`, AdminUsersPageSchema),
  setUserDisabled: async (userId: string, disabled: boolean): Promise<AdminUser> =>
    (await request("POST", `/api/admin/users/${encodeURIComponent(userId)}/disable`, AdminUserEnvelope, { disabled })).user,
};

export const api = {
  createCall: (body: CreateCallBody): Promise<SessionResponse> => request("POST", "/api/calls", SessionResponseSchema, body),
  getCall: (callId: string): Promise<CallResponse> => request("GET", path(callId), CallResponseSchema),
  joinCall: (callId: string): Promise<SessionResponse> => request("POST", path(callId, "/join"), SessionResponseSchema, {}),
  leaveCall: (callId: string): Promise<void> => request("POST", path(callId, "/leave"), null),
  endCall: (callId: string): Promise<void> => request("POST", path(callId, "/end"), null),
  listMessages: (callId: string, opts: { before?: string | null; limit?: number } = {}): Promise<MessagePage> =>
    request("GET", path(callId, `/messages${queryString(opts)}`), MessagePageSchema),
  /** A page of the audience (name search with `q`) or, for admins, of the hand queue. */
  listParticipants: (callId: string, opts: { group: "audience" | "hands"; cursor?: string | null; q?: string }): Promise<ParticipantPage> =>
    request("GET", path(callId, `/participants${queryString(opts)}`), ParticipantPageSchema),
  /** Newest first; admins while the call is live, everyone who was in it once it has ended. */
  moderationLog: (callId: string, before?: string | null): Promise<ModerationPage> =>
    request("GET", path(callId, `/moderation-log${queryString({ before })}`), ModerationPageSchema),
  /** Makes this browser's guest participant of the call the signed-in user's. */
  claimParticipant: async (callId: string): Promise<ParticipantDto> => (await request("POST", path(callId, "/claim"), ParticipantEnvelope)).participant,
  /** Deletes a recording's file now (the call's admins and site admins); the history keeps a line saying so. */
  deleteRecording: (callId: string, recordingId: string): Promise<void> =>
    request("DELETE", path(callId, `/recordings/${encodeURIComponent(recordingId)}`), null),

  signUp: async (body: SignUpBody): Promise<UserDto> => (await request("POST", "/api/accounts", UserEnvelope, body)).user,
  updateProfile: async (name: string): Promise<UserDto> => (await request("POST", "/api/me/profile", UserEnvelope, { name })).user,
  changePassword: (currentPassword: string, newPassword: string): Promise<void> => request("POST", "/api/me/password", null, { currentPassword, newPassword }),
};
