import type { ModerationEntryDto, ModerationPage } from "../contracts/dto";
import type { MessagesQuery } from "../contracts/rest";
import { AppError } from "../domain/errors";
import { can, refusal } from "../domain/permissions";
import type { Caller, Deps } from "./deps";
import { requireMember } from "./load";
import type { ModerationRecord } from "./ports";

export function moderationEntryDto(e: ModerationRecord): ModerationEntryDto {
  return {
    id: String(e.id),
    callId: e.callId,
    actorId: e.actorId,
    actorName: e.actorName,
    targetId: e.targetId,
    targetName: e.targetName,
    action: e.action,
    before: e.before,
    after: e.after,
    createdAt: e.createdAt.toISOString(),
  };
}

/** Sends new log entries to the call's admins, whose panels update live (the notifier knows who they are: no list is read). */
export async function announceEntries(deps: Pick<Deps, "notifier">, callId: string, entries: (ModerationRecord | null)[]): Promise<void> {
  for (const e of entries) if (e) deps.notifier.moderationLogged(callId, moderationEntryDto(e));
}

/**
 * The moderation log, newest first: for the call's admins while it is live,
 * and for everyone who was in it once it has ended (it is part of its history).
 */
export async function listModerationLog(deps: Pick<Deps, "store" | "moderation">, caller: Caller, q: MessagesQuery): Promise<ModerationPage> {
  const [self, call] = await Promise.all([requireMember(deps.store, caller), deps.store.findCall(caller.callId)]);
  if (!call?.endedAt && (self.leftAt || !can(self.role, "moderate"))) throw new AppError("FORBIDDEN", refusal(self.role, "moderate"));
  return moderationPage(deps, caller.callId, q);
}

export async function moderationPage(deps: Pick<Deps, "moderation">, callId: string, q: MessagesQuery): Promise<ModerationPage> {
  const rows = await deps.moderation.list(callId, q.before ? Number(q.before) : null, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { entries: page.map(moderationEntryDto), nextCursor: rows.length > q.limit && page.length ? String(page.at(-1)!.id) : null };
}
