import type { MessagePage } from "../contracts/dto";
import type { MessagesQuery } from "../contracts/rest";
import type { Caller, Deps } from "./deps";
import { messageDto } from "./dto";
import { requireMember } from "./load";

/** A page of chat, oldest first, for anyone who is or was in the call (ended calls included). */
export async function listMessages(deps: Pick<Deps, "store">, caller: Caller, query: MessagesQuery): Promise<MessagePage> {
  await requireMember(deps.store, caller);
  return messagePage(deps, caller.callId, query.before ? Number(query.before) : null, query.limit);
}

/** A page of the transcript; with `until`, only what was said up to then. */
export async function messagePage(
  deps: Pick<Deps, "store">,
  callId: string,
  before: number | null,
  limit: number,
  until: Date | null = null,
): Promise<MessagePage> {
  // One extra row tells whether an older page exists.
  const rows = await deps.store.listMessagesBefore(callId, before, limit + 1, until);
  const page = rows.slice(0, limit).reverse();
  return {
    messages: page.map(messageDto),
    nextCursor: rows.length > limit && page[0] ? String(page[0].id) : null,
  };
}
