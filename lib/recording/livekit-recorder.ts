import { mkdirSync } from "node:fs";
import { AudioStream, Room, RoomEvent, TrackKind, TrackSource, type RemoteParticipant, type RemoteTrack, type RemoteTrackPublication } from "@livekit/rtc-node";
import { AccessToken } from "livekit-server-sdk";
import { RECORDER_IDENTITY_PREFIX } from "../domain/recording";
import type { Recorder, RecordingFiles } from "../services/ports";
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

/** How often the mix is written: small enough for live-ish files, large enough to cost little CPU. */
const TICK_MS = 50;
const FRAME_MS = 40;

/** One call's recording in progress: a hidden media-room participant feeding ffmpeg. */
class Session {
  private readonly room = new Room();
  private readonly mixer = new Mixer();
  private readonly encoder;
  /** Resolves once ffmpeg is gone: it closed the file, or it could not start (then the error is logged, never thrown). */
  private readonly encoderDone: Promise<unknown>;
  private readonly timer: NodeJS.Timeout;
  private speakers: Set<string>;
  private readers = new Map<string, ReadableStreamDefaultReader>();

  constructor(
    private readonly s: RecorderSettings,
    private readonly callId: string,
    private readonly recordingId: string,
    file: string,
    speakers: string[],
    private readonly startedAt: number,
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
    this.timer = setInterval(() => this.write(), TICK_MS);
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
    // 40 ms frames: a quarter of the events (and of their cost) of the default 10 ms; the mixer buffers 150 ms anyway.
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
    const pcm = this.mixer.advance(Date.now() - this.startedAt);
    if (pcm.length) this.encoder.stdin!.write(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  }

  async stop() {
    clearInterval(this.timer);
    this.write();
    this.encoder.stdin!.end();
    for (const id of [...this.readers.keys()]) this.unlisten(id);
    await Promise.all([this.encoderDone, this.room.disconnect().catch(() => undefined)]);
    return { durationMs: this.mixer.durationMs, segments: this.mixer.segments() };
  }
}

/** The Recorder port: one hidden rtc-node participant per recorded call, mixing into ffmpeg. */
export function liveKitRecorder(s: RecorderSettings): Recorder {
  const sessions = new Map<string, Session>();
  let problem: string | null | undefined;
  const unavailable = () => (problem === undefined ? (problem = ffmpegProblem(s.ffmpeg)) : problem);

  return {
    unavailable,
    async start({ callId, recordingId, file, speakers, startedAt }) {
      mkdirSync(s.dir, { recursive: true });
      const session = new Session(s, callId, recordingId, file, speakers, startedAt.getTime());
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
