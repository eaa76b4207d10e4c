import { z } from "zod";
import { type SignUpBody, type UserDto, UserDtoSchema } from "../contracts/accounts";
import { type MessagePage, MessagePageSchema, type ParticipantDto, ParticipantDtoSchema } from "../contracts/dto";
import { type ErrorCode, ErrorBodySchema } from "../contracts/errors";
import {
  type CallResponse,
  CallResponseSchema,
  type CreateCallBody,
  type SessionResponse,
  SessionResponseSchema,
} from "../contracts/rest";
import type { Role } from "../contracts/roles";

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

const path = (callId: string, rest = "") => `/api/calls/${encodeURIComponent(callId)}${rest}`;

async function request<S extends z.ZodType | null>(
  method: "GET" | "POST",
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

export const api = {
  createCall: (body: CreateCallBody): Promise<SessionResponse> => request("POST", "/api/calls", SessionResponseSchema, body),
  getCall: (callId: string): Promise<CallResponse> => request("GET", path(callId), CallResponseSchema),
  joinCall: (callId: string): Promise<SessionResponse> => request("POST", path(callId, "/join"), SessionResponseSchema, {}),
  leaveCall: (callId: string): Promise<void> => request("POST", path(callId, "/leave"), null),
  endCall: (callId: string): Promise<void> => request("POST", path(callId, "/end"), null),
  setRole: async (callId: string, participantId: string, role: Role): Promise<ParticipantDto> => {
    const res = await request("POST", path(callId, "/roles"), ParticipantEnvelope, { participantId, role });
    return res.participant;
  },
  listMessages: (callId: string, opts: { before?: string | null; limit?: number } = {}): Promise<MessagePage> => {
    const query = new URLSearchParams();
    if (opts.before) query.set("before", opts.before);
    if (opts.limit) query.set("limit", String(opts.limit));
    const qs = query.toString();
    return request("GET", path(callId, `/messages${qs ? `?${qs}` : ""}`), MessagePageSchema);
  },
  /** Makes this browser's guest participant of the call the signed-in user's. */
  claimParticipant: async (callId: string): Promise<ParticipantDto> => (await request("POST", path(callId, "/claim"), ParticipantEnvelope)).participant,

  signUp: async (body: SignUpBody): Promise<UserDto> => (await request("POST", "/api/accounts", UserEnvelope, body)).user,
  updateProfile: async (name: string): Promise<UserDto> => (await request("POST", "/api/me/profile", UserEnvelope, { name })).user,
  changePassword: (currentPassword: string, newPassword: string): Promise<void> => request("POST", "/api/me/password", null, { currentPassword, newPassword }),
};
