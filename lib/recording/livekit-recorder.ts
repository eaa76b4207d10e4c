import { mkdirSync } from "node:fs";
import { AudioStream, Room, RoomEvent, TrackKind, TrackSource, type RemoteParticipant, type RemoteTrack, type RemoteTrackPublication } from "@livekit/rtc-node";
import { AccessToken } from "livekit-server-sdk";
import { RECORDER_IDENTITY_PREFIX } from "../domain/recording";
import type { Recorder, RecordingFiles, SpeechSegment } from "../services/ports";
import { ffmpegProblem, spawnOpusEncoder } from "./ffmpeg";
import { Mixer, SAMPLE_RATE } from "./mixer";

export interface RecorderSettings {
  /** Where this server reaches LiveKit (ws or http URL). */
  url: string;
  apiKey: string;
  apiSecret: string;
  ffmpeg: string;
  dir: string;
  files: RecordingFiles;
}

/**
 * How often the mix is written, and how much audio each speaker's stream
 * hands over at once. The recorder's cost is mostly per event (a media
 * frame crossing from the native library, a timer, a write to ffmpeg's
 * pipe), not per sample: 100 ms gives 10 of each a second per speaker and
 * still keeps the file a few ticks behind real time (mixer.ts sizes its
 * jitter buffer for both).
 */
const TICK_MS = 100;
const FRAME_MS = 100;
/** How often the speaking segments noted so far are saved: a crash loses at most this much of the timeline. */
const SEGMENTS_EVERY_MS = 5000;

/** One call's recording in progress: a hidden media-room participant feeding ffmpeg. */
class Session {
  private readonly room = new Room();
  private readonly mixer = new Mixer();
  private readonly encoder;
  /** Resolves once ffmpeg is gone: it closed the file, or it could not start (then the error is logged, never thrown). */
  private readonly encoderDone: Promise<unknown>;
  private readonly timer: NodeJS.Timeout;
  private readonly segmentsTimer: NodeJS.Timeout;
  /** The save in flight, if any: saves never overlap, and a stop waits for the last one. */
  private saving: Promise<void> | null = null;
  /**
   * The file's zero on the monotonic clock: the mix follows it, so a wall
   * clock that is set while recording does not stretch or cut the file.
   */
  private readonly origin: number;
  private speakers: Set<string>;
  private readers = new Map<string, ReadableStreamDefaultReader>();

  constructor(
    private readonly s: RecorderSettings,
    private readonly callId: string,
    private readonly recordingId: string,
    file: string,
    speakers: string[],
    startedAt: number,
    private readonly saveSegments: (segments: SpeechSegment[]) => Promise<void>,
  ) {
    this.speakers = new Set(speakers);
    this.encoder = spawnOpusEncoder(s.ffmpeg, s.files.pathOf(file));
    this.encoder.stdin!.on("error", () => undefined); // ffmpeg gone: encoderDone says so
    this.encoderDone = new Promise((resolve) => {
      this.encoder.once("close", resolve);
      this.encoder.once("error", (e) => (console.error(`[earshot] ffmpeg (${recordingId}) failed: ${e.message}`), resolve(e)));
    });
    this.encoder.stderr!.on("data", (d: Buffer) => console.error(`[earshot] ffmpeg (${recordingId}): ${d.toString().trim()}`));
    // The file's zero is the recording's stored start, before the room connects: the replay's offsets are real time.
    this.origin = performance.now() - (Date.now() - startedAt);
    this.timer = setInterval(() => this.write(), TICK_MS);
    this.segmentsTimer = setInterval(() => void this.save(), SEGMENTS_EVERY_MS);
  }

  async connect() {
    this.room.on(RoomEvent.TrackPublished, (pub: RemoteTrackPublication, p: RemoteParticipant) => this.consider(pub, p));
    this.room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, pub: RemoteTrackPublication, p: RemoteParticipant) => this.listen(track, pub, p));
    this.room.on(RoomEvent.TrackUnsubscribed, (_t: RemoteTrack, _pub: RemoteTrackPublication, p: RemoteParticipant) => this.unlisten(p.identity));
    this.room.on(RoomEvent.ParticipantDisconnected, (p: RemoteParticipant) => this.unlisten(p.identity));
    const token = new AccessToken(this.s.apiKey, this.s.apiSecret, { identity: `${RECORDER_IDENTITY_PREFIX}${this.recordingId}`, ttl: 10 * 60 });
    // Hidden: nobody sees a "recorder" in the room; it may only listen.
    token.addGrant({ roomJoin: true, room: this.callId, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true, recorder: true });
    await this.room.connect(this.s.url.replace(/^http/, "ws"), await token.toJwt(), { autoSubscribe: false, dynacast: false });
    for (const p of this.room.remoteParticipants.values()) for (const pub of p.trackPublications.values()) this.consider(pub, p);
  }

  setSpeakers(speakers: string[]) {
    this.speakers = new Set(speakers);
    for (const p of this.room.remoteParticipants.values()) {
      for (const pub of p.trackPublications.values()) {
        if (this.speakers.has(p.identity)) this.consider(pub, p);
        else if (pub.subscribed) {
          // A withdrawal counts from this moment: out of the mix now, unsubscribed right after.
          this.unlisten(p.identity);
          pub.setSubscribed(false);
        }
      }
    }
  }

  /** Subscribes to a consenting speaker's microphone (again after they reconnect: a new publication). */
  private consider(pub: RemoteTrackPublication, p: RemoteParticipant) {
    if (pub.kind === TrackKind.KIND_AUDIO && pub.source === TrackSource.SOURCE_MICROPHONE && this.speakers.has(p.identity) && !pub.subscribed)
      pub.setSubscribed(true);
  }

  private async listen(track: RemoteTrack, _pub: RemoteTrackPublication, p: RemoteParticipant) {
    if (track.kind !== TrackKind.KIND_AUDIO || !this.speakers.has(p.identity)) return;
    this.unlisten(p.identity);
    const reader = new AudioStream(track, { sampleRate: SAMPLE_RATE, numChannels: 1, frameSizeMs: FRAME_MS }).getReader();
    this.readers.set(p.identity, reader);
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done || this.readers.get(p.identity) !== reader) return;
      // Re-checked per frame: a withdrawal may have landed between two reads.
      if (this.speakers.has(p.identity)) this.mixer.push(p.identity, value.data);
    }
  }

  private unlisten(identity: string) {
    const reader = this.readers.get(identity);
    this.readers.delete(identity);
    this.mixer.drop(identity);
    reader?.cancel().catch(() => undefined);
  }

  private write() {
    const pcm = this.mixer.advance(performance.now() - this.origin);
    if (pcm.length) this.encoder.stdin!.write(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  }

  /** Saves the segments noted since the last save; one that fails is retried with the next. */
  private save(): Promise<void> {
    if (this.saving) return this.saving;
    const segments = this.mixer.unsavedSegments();
    if (!segments.length) return Promise.resolve();
    this.saving = this.saveSegments(segments)
      .then(
        () => this.mixer.markSaved(segments),
        (e: unknown) => console.error(`[earshot] speaking segments of recording ${this.recordingId} not saved (kept for the next save):`, e),
      )
      .finally(() => (this.saving = null));
    return this.saving;
  }

  /** Ends the file; returns its length and the segments no save has written (the caller stores them). */
  async stop() {
    clearInterval(this.timer);
    clearInterval(this.segmentsTimer);
    this.write();
    this.encoder.stdin!.end();
    for (const id of [...this.readers.keys()]) this.unlisten(id);
    await Promise.all([this.encoderDone, this.room.disconnect().catch(() => undefined), this.saving]);
    this.mixer.closeSegments();
    return { durationMs: this.mixer.durationMs, segments: this.mixer.unsavedSegments() };
  }
}

/** The Recorder port: one hidden rtc-node participant per recorded call, mixing into ffmpeg. */
export function liveKitRecorder(s: RecorderSettings): Recorder {
  const sessions = new Map<string, Session>();
  let problem: string | null | undefined;
  const unavailable = () => (problem === undefined ? (problem = ffmpegProblem(s.ffmpeg)) : problem);

  return {
    unavailable,
    async start({ callId, recordingId, file, speakers, startedAt, saveSegments }) {
      mkdirSync(s.dir, { recursive: true });
      const session = new Session(s, callId, recordingId, file, speakers, startedAt.getTime(), saveSegments);
      sessions.set(callId, session);
      try {
        await session.connect();
      } catch (e) {
        sessions.delete(callId);
        await session.stop();
        await s.files.remove(file);
        throw e;
      }
    },
    setSpeakers: (callId, speakers) => sessions.get(callId)?.setSpeakers(speakers),
    activeCalls: () => [...sessions.keys()],
    async stop(callId) {
      const session = sessions.get(callId);
      if (!session) return null;
      sessions.delete(callId);
      return session.stop();
    },
  };
}
