import type { DefaultRole, Role } from "@/lib/contracts/roles";
import { createCall } from "@/lib/services/create-call";
import type { Caller } from "@/lib/services/deps";
import { joinCall } from "@/lib/services/join-call";
import { setRole } from "@/lib/services/set-role";
import { setMuted } from "@/lib/services/set-self-state";
import { memoryDeps, type MemoryWorld } from "../support/memory-ports";

export const AUDIO_URL = "ws://earshot.test:7880";

/** A world with one live call: its host (an admin) and a way to bring in more people with a role. */
export async function callWorld(opts: { defaultRole?: DefaultRole; env?: Record<string, string> } = {}) {
  const world = memoryDeps({ env: opts.env });
  const session = await createCall(world.deps, { defaultRole: opts.defaultRole ?? "listener", title: "Standup" }, AUDIO_URL, {
    user: null,
    deviceId: "dev-host",
    address: "10.0.0.1",
  });
  const callId = session.call.id;
  const host: Caller = { callId, participantId: session.participant.id };
  let guests = 0;
  /** A new guest (own browser and address; everyone joins muted), given `role` by the host when it is not the call's default. */
  const join = async (role?: Role, opts: { unmuted?: boolean } = {}): Promise<Caller> => {
    guests += 1;
    const joined = await joinCall(
      world.deps,
      callId,
      { returningParticipantId: null, user: null, deviceId: `dev-${guests}`, address: `10.0.1.${guests}` },
      AUDIO_URL,
    );
    const caller = { callId, participantId: joined.participant.id };
    if (role && role !== joined.participant.role) await setRole(world.deps, host, { participantId: caller.participantId, role });
    if (opts.unmuted) await setMuted(world.deps, caller, false);
    return caller;
  };
  const participant = (c: Caller) => world.db.participants.get(c.participantId)!;
  world.notifier.clear();
  return { ...world, session, callId, host, join, participant };
}
export type CallWorld = Awaited<ReturnType<typeof callWorld>> & MemoryWorld;

/** The error code a promise rejects with (an AppError's), or "OK". */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof Error && e.name === "AppError") return (e as Error & { code: string }).code;
    throw e;
  }
}
