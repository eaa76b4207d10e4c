import type { RandomInt } from "../domain/names";
import type { Limits } from "./limits";
import type {
  AudioRoom,
  Clock,
  HistoryStore,
  ModerationStore,
  NodeRegistry,
  Notifier,
  Recorder,
  RecordingFiles,
  RecordingStore,
  ServiceConfig,
  Store,
  UserStore,
} from "./ports";

export interface Deps {
  store: Store;
  users: UserStore;
  history: HistoryStore;
  moderation: ModerationStore;
  notifier: Notifier;
  audio: AudioRoom;
  recorder: Recorder;
  recordings: RecordingStore;
  recordingFiles: RecordingFiles;
  clock: Clock;
  randomInt: RandomInt;
  /** Mints the per-call participant credential (lib/auth/credentials.ts). */
  issueCredential(callId: string, participantId: string): string;
  newId(): string;
  limits: Limits;
  nodes: NodeRegistry;
  config: ServiceConfig;
}

/** Who is calling, as proven by a verified participant credential. */
export interface Caller {
  callId: string;
  participantId: string;
  /** The client address the request or connection came from (for per-address limits), when known. */
  address?: string;
}
