/**
 * The call page's voice state, built from LiveKit room events by a pure
 * reducer (lib/client/use-call-audio.ts feeds it), so the rules of what the
 * page shows are testable without a browser or a media server.
 */

/**
 * - connecting: joining the audio room (first time, or a retry)
 * - connected / reconnecting: LiveKit's own link state
 * - unavailable: the media server could not be reached; a retry is scheduled
 * - elsewhere: this participant's audio moved to a newer tab or device (LiveKit keeps one connection per identity)
 * - off: no audio for this page any more (left, removed, or the call ended)
 */
export type AudioLink = "connecting" | "connected" | "reconnecting" | "unavailable" | "elsewhere" | "off";

export interface AudioState {
  link: AudioLink;
  /** The media server lets this participant publish a microphone (speakers and admins). */
  canPublish: boolean;
  micOn: boolean;
  /** Why the microphone could not be turned on, as a sentence. */
  micError: string | null;
  /** The browser refuses to play audio until the person clicks something (autoplay policy). */
  playbackBlocked: boolean;
  /** Identities (participant ids) LiveKit currently reports as speaking. */
  speaking: string[];
  /** When the next retry happens (epoch ms), while unavailable. */
  retryAt: number | null;
}

export type AudioEvent =
  | { type: "connecting" }
  | { type: "connected"; canPublish: boolean; micOn: boolean; playbackBlocked: boolean }
  | { type: "reconnecting" }
  | { type: "reconnected" }
  | { type: "unavailable"; retryAt: number | null }
  | { type: "elsewhere" }
  | { type: "off" }
  | { type: "permissions"; canPublish: boolean }
  | { type: "mic"; on: boolean }
  | { type: "mic-error"; message: string }
  | { type: "playback"; blocked: boolean }
  | { type: "speakers"; ids: string[] };

export const initialAudioState: AudioState = {
  link: "connecting",
  canPublish: false,
  micOn: false,
  micError: null,
  playbackBlocked: false,
  speaking: [],
  retryAt: null,
};

/** Not in the room: nothing published, nobody heard speaking. */
const detached = (state: AudioState, link: AudioLink, retryAt: number | null = null): AudioState => ({ ...state, link, micOn: false, speaking: [], retryAt });

export function audioReducer(state: AudioState, event: AudioEvent): AudioState {
  switch (event.type) {
    case "connecting":
      // The one event that leaves "off": the page (re)starts its audio.
      return { ...state, link: "connecting", retryAt: null };
    case "connected":
      if (state.link === "off") return state;
      return {
        ...state,
        link: "connected",
        canPublish: event.canPublish,
        micOn: event.canPublish && event.micOn,
        playbackBlocked: event.playbackBlocked,
        retryAt: null,
      };
    case "reconnecting":
      return state.link === "connected" ? { ...state, link: "reconnecting" } : state;
    case "reconnected":
      return state.link === "reconnecting" ? { ...state, link: "connected" } : state;
    case "unavailable":
      return state.link === "off" ? state : detached(state, "unavailable", event.retryAt);
    case "elsewhere":
      return state.link === "off" ? state : detached(state, "elsewhere");
    case "off":
      return detached(state, "off");
    case "permissions":
      // Losing the grant unpublishes the microphone on the server (a demotion).
      return { ...state, canPublish: event.canPublish, micOn: event.canPublish && state.micOn, micError: event.canPublish ? state.micError : null };
    case "mic":
      return { ...state, micOn: event.on && state.canPublish, micError: event.on ? null : state.micError };
    case "mic-error":
      return { ...state, micOn: false, micError: event.message };
    case "playback":
      return { ...state, playbackBlocked: event.blocked };
    case "speakers":
      return sameMembers(state.speaking, event.ids) ? state : { ...state, speaking: event.ids };
  }
}

const sameMembers = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** What to tell a person whose microphone could not be started (getUserMedia's errors by name). */
export function microphoneErrorMessage(error: { name?: string; message?: string }): string {
  switch (error.name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
      return "Your browser is blocking the microphone. Allow microphone access for this site (the icon in the address bar), then try again.";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "No microphone was found. Connect one, then try again.";
    case "NotReadableError":
    case "TrackStartError":
      return "Your microphone could not be started; another application may be using it.";
    case "SecurityError":
      return "Microphones only work on a secure page (https or localhost). Ask whoever runs this Earshot to serve it over https.";
    default:
      return `The microphone could not be turned on${error.message ? `: ${error.message}` : "."}`;
  }
}

/**
 * What the chat can do for this person right now, so the voice line never promises more:
 * write (chat connected, role may write), read (connected, role may only read), down (not connected).
 */
export type ChatReach = "write" | "read" | "down";

const VOICE_DOWN: Record<ChatReach, string> = {
  write: "Voice is unavailable right now; chat still works.",
  read: "Voice is unavailable right now; you can still read the chat.",
  down: "Voice is unavailable right now.",
};

/** The voice line the call page shows: a sentence, and while unavailable when the next try is. */
export function audioStatusMessage(state: AudioState, now: number, chat: ChatReach = "write"): { sentence: string; retry: string | null } {
  const say = (sentence: string) => ({ sentence, retry: null });
  switch (state.link) {
    case "connecting":
      return say("Connecting to voice…");
    case "connected":
      return say(state.playbackBlocked ? "Voice is connected, but your browser is holding the sound back." : "Voice connected.");
    case "reconnecting":
      return say("Voice connection lost; reconnecting…");
    case "unavailable": {
      const seconds = state.retryAt === null ? null : Math.max(0, Math.ceil((state.retryAt - now) / 1000));
      return { sentence: VOICE_DOWN[chat], retry: seconds === null ? null : seconds > 0 ? `Retrying in ${seconds} s.` : "Retrying…" };
    }
    case "elsewhere":
      return say("Your voice moved to another tab or device where you opened this call.");
    case "off":
      return say("Voice is off.");
  }
}
