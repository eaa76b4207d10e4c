import type { CallHistory, MyCallsPage, MyCallsQuery } from "../contracts/history";
import type { MessagesQuery } from "../contracts/rest";
import type { Role } from "../contracts/roles";
import { AppError } from "../domain/errors";
import { clipTimeline, roleTimeline } from "../domain/role-timeline";
import type { AccountDeps } from "./accounts";
import type { Visitor } from "./admit-participant";
import type { Deps } from "./deps";
import { type HistoryViewer, requireHistoryViewer } from "./history-access";
import { callDto, callDtoOf } from "./dto";
import { messagePage } from "./list-messages";
import { requireCall } from "./load";
import type { ModerationRecord } from "./ports";

/** Cursors for lists of calls, newest first: the last call's creation time and id. */
export const encodeCallCursor = (c: { createdAt: Date; id: string }) => Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
export function decodeCallCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError("INVALID_INPUT", "cursor: not a cursor this API returned");
  return { createdAt, id };
}

/** The calls a signed-in user hosted or joined, newest first. */
export async function listMyCalls(deps: Pick<Deps, "history" | "clock">, user: Visitor, q: MyCallsQuery): Promise<MyCallsPage> {
  const rows = await deps.history.listUserCalls(user.id, { status: q.status, search: q.q || null, before: decodeCallCursor(q.cursor), limit: q.limit + 1 });
  const now = deps.clock.now().getTime();
  const page = rows.slice(0, q.limit);
  return {
    calls: page.map((r) => ({
      call: callDtoOf(r.call, r.hostName, r.participantCount),
      role: r.role,
      everyoneCount: r.everyoneCount,
      joinedAt: r.joinedAt.toISOString(),
      live: r.call.endedAt === null,
      durationMs: (r.call.endedAt?.getTime() ?? now) - r.call.createdAt.getTime(),
    })),
    nextCursor: rows.length > q.limit && page.length ? encodeCallCursor(page.at(-1)!.call) : null,
  };
}

/**
 * A call's history: transcript page, who was there with the roles they held
 * over time, start, end and duration. Who may read how much is the domain's
 * `historyAccess` (through requireHistoryViewer); anyone refused gets 404, so call IDs cannot be probed.
 */
export async function callHistory(
  deps: Pick<Deps, "store" | "history" | "moderation" | "clock">,
  accounts: Pick<AccountDeps, "users" | "adminEmails">,
  callId: string,
  viewer: HistoryViewer,
  query: MessagesQuery,
): Promise<CallHistory> {
  const call = await requireCall(deps.store, callId);
  const { until } = await requireHistoryViewer(deps, accounts, callId, viewer);

  const [participants, changes, page, dto] = await Promise.all([
    deps.history.listAllParticipants(callId),
    deps.moderation.listRoleChanges(callId),
    messagePage(deps, callId, query.before ? Number(query.before) : null, query.limit, until),
    callDto(deps.store, call),
  ]);
  const end = call.endedAt;
  return {
    call: dto,
    startedAt: call.createdAt.toISOString(),
    endedAt: end?.toISOString() ?? null,
    durationMs: (end?.getTime() ?? deps.clock.now().getTime()) - call.createdAt.getTime(),
    // A removed reader sees the call as it was when they were removed.
    participants: participants
      .filter((p) => until === null || p.joinedAt <= until)
      .map((p) => ({
        id: p.id,
        displayName: p.displayName,
        guestName: p.guestName,
        kind: p.kind,
        isHost: p.id === call.hostParticipantId,
        joinedAt: p.joinedAt.toISOString(),
        leftAt: p.leftAt && (until === null || p.leftAt <= until) ? p.leftAt.toISOString() : null,
        roles: clipTimeline(roleTimeline(p.joinedAt, p.role, roleChangesOf(changes, p.id), p.leftAt ?? end), until).map((r) => ({
          role: r.role,
          from: r.from.toISOString(),
          until: r.until?.toISOString() ?? null,
        })),
      })),
    messages: page.messages,
    nextCursor: page.nextCursor,
  };
}

const roleChangesOf = (entries: ModerationRecord[], participantId: string) =>
  entries
    .filter((e) => e.targetId === participantId && e.before && e.after)
    .map((e) => ({ fromRole: e.before as Role, toRole: e.after as Role, createdAt: e.createdAt }));
