import type { Role } from "../contracts/roles";
import { AppError } from "../domain/errors";
import { nameCandidate, plainGuestTries } from "../domain/names";
import type { Deps } from "./deps";
import type { ParticipantRecord } from "./ports";

/** A signed-in visitor; guests are null. */
export interface Visitor {
  id: string;
  name: string;
}

/** Each attempt is one refused INSERT; numbered names make a tenth collision all but impossible. */
const MAX_NAME_ATTEMPTS = 10;

/** A new participant's record: a user under their name, or a guest as pleb-<word>. */
export function participantRecord(
  deps: Pick<Deps, "newId" | "randomInt">,
  callId: string,
  role: Role,
  who: { user: Visitor | null; deviceId: string | null },
  displayName: string,
  now: Date,
): ParticipantRecord {
  const { user, deviceId } = who;
  return {
    id: deps.newId(),
    callId,
    kind: user ? "user" : "guest",
    userId: user?.id ?? null,
    deviceId,
    displayName,
    role,
    muted: true,
    handRaised: false,
    handRaisedAt: null,
    joinedAt: now,
    leftAt: null,
    // Away until their first connection opens.
    awaySince: now,
    presenceNode: null,
    removedAt: null,
    inAudio: false,
    publishing: false,
    recordingConsent: null,
    guestName: null,
    stageInviteFrom: null,
  };
}

/**
 * Adds someone to a live call (where `present` people are) with a display name unique in it: the
 * unique index refuses a taken one and the next candidate is tried.
 */
export async function admitParticipant(
  deps: Deps,
  callId: string,
  role: Role,
  who: { user: Visitor | null; deviceId: string | null },
  present: number,
): Promise<ParticipantRecord> {
  // How crowded the call is only hints at which names are free: the unique index decides.
  const plainTries = who.user ? undefined : plainGuestTries(present);
  for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
    const name = nameCandidate(who.user?.name ?? null, attempt, deps.randomInt, plainTries);
    const p = participantRecord(deps, callId, role, who, name, deps.clock.now());
    if (await deps.store.createParticipant(p)) return p;
  }
  throw new AppError("INTERNAL", "Could not pick a free name in this call; try again.");
}
