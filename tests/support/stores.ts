import { dbKind, openDb } from "@/lib/db/client";
import { prismaModerationStore } from "@/lib/db/moderation-store";
import { prismaRecordingStore } from "@/lib/db/recording-store";
import { prismaStore } from "@/lib/db/store";

/**
 * The app's own stores on a running test server's database. What a test writes
 * through them is committed, but the server has not acted on it (no broadcast,
 * no disconnect): the moment between a change landing and its sockets being
 * told, when a request already in flight meets the new state.
 */
export async function storesOn(databaseUrl: string) {
  const db = await openDb(databaseUrl);
  return {
    store: prismaStore(db, dbKind(databaseUrl)),
    moderation: prismaModerationStore(db, dbKind(databaseUrl)),
    recordings: prismaRecordingStore(db),
    close: () => db.$disconnect(),
  };
}
