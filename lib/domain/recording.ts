import type { Role } from "../contracts/roles";
import { can } from "./permissions";

/** A participant's answer to "Include your voice in the recording?"; null until they answer. */
export type RecordingConsent = "yes" | "no" | null;

/**
 * The recorder joins the media room under identities of this shape. They name
 * no participant, so the room's webhooks must leave them alone (not kick them
 * as unknown) and nobody's token can carry one.
 */
export const RECORDER_IDENTITY_PREFIX = "earshot-recorder-";
export const isRecorderIdentity = (identity: string) => identity.startsWith(RECORDER_IDENTITY_PREFIX);

interface Speaker {
  role: Role;
  recordingConsent: RecordingConsent;
}

/** Nobody's voice without their yes: only someone who may speak and said yes is recorded. */
export function isRecorded(p: Speaker): boolean {
  return can(p.role, "publishMicrophone") && p.recordingConsent === "yes";
}

/** Someone on stage who has not answered is asked while a recording runs. */
export function needsConsentPrompt(recording: boolean, p: Pick<Speaker, "role" | "recordingConsent">): boolean {
  return recording && can(p.role, "publishMicrophone") && p.recordingConsent === null;
}

/** A finished recording older than the retention period is due for removal; 0 days keeps everything. */
export function retentionCutoff(now: Date, retentionDays: number): Date | null {
  return retentionDays > 0 ? new Date(now.getTime() - retentionDays * 86_400_000) : null;
}
