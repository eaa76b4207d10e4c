import type { ParticipantPage } from "../contracts/dto";
import type { ParticipantsQuery } from "../contracts/rest";
import { AppError } from "../domain/errors";
import { can, refusal } from "../domain/permissions";
import type { Group } from "../domain/stage";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant } from "./load";
import type { PageKey, ParticipantRecord } from "./ports";

type PagedGroup = Exclude<Group, "stage"> | "hands";

/**
 * A page of the audience (anyone in the call may read it) or of the hand queue
 * (admins only: everyone else sees just how many hands are up).
 */
export async function listParticipants(deps: Pick<Deps, "store">, caller: Caller, q: ParticipantsQuery): Promise<ParticipantPage> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  if (q.group === "hands" && !can(self.role, "moderate")) throw new AppError("FORBIDDEN", refusal(self.role, "moderate"));
  return participantPage(deps, call, q.group, { search: q.q || null, cursor: q.cursor ?? null, limit: q.limit });
}

export async function participantPage(
  deps: Pick<Deps, "store">,
  call: { id: string; hostParticipantId: string | null },
  group: PagedGroup,
  q: { search: string | null; cursor: string | null; limit: number },
): Promise<ParticipantPage> {
  // One extra row tells whether there is a next page.
  const rows = await deps.store.listParticipantPage(call.id, { group, search: q.search, after: q.cursor ? decodeCursor(q.cursor) : null, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    participants: page.map((p) => participantDto(p, call.hostParticipantId)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(keyOf(last, group)) : null,
  };
}

const keyOf = (p: ParticipantRecord, group: PagedGroup): PageKey => ({ at: (group === "hands" ? p.handRaisedAt : null) ?? p.joinedAt, id: p.id });

/** Opaque to clients: the last row's sort time and id. */
function encodeCursor(k: PageKey): string {
  return Buffer.from(`${k.at.getTime()}.${k.id}`).toString("base64url");
}

function decodeCursor(cursor: string): PageKey {
  const [ms, ...id] = Buffer.from(cursor, "base64url").toString("utf8").split(".");
  const at = new Date(Number(ms));
  if (!/^\d{1,15}$/.test(ms ?? "") || Number.isNaN(at.getTime()) || id.length === 0)
    throw new AppError("INVALID_INPUT", "cursor: not a value returned as nextCursor.");
  return { at, id: id.join(".") };
}
