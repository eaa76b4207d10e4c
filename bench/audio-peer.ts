/**
 * A headless LiveKit participant for the audio benchmark (@livekit/rtc-node),
 * like tests/support/peers.ts but with what the bench needs: the time of the
 * first AUDIBLE frame from a given remote identity, RTP packet counts for
 * delivery, timeouts on every wait, and a bare publish (no audio fed) for the
 * role-change measurement.
 */
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type LocalTrackPublication,
  type RemoteTrack,
} from "@livekit/rtc-node";

export const SAMPLE_RATE = 48_000;
const SLICE_MS = 10;
const SLICE = (SAMPLE_RATE / 1000) * SLICE_MS; // samples in one 10 ms frame
/** RMS above which a 10 ms slice carries the 8000-amplitude sine (its RMS is ~5657); concealment fades below. */
const AUDIBLE_RMS = 2000;

/** One second of a 440 Hz sine (a whole number of periods, so it loops seamlessly). */
const SINE = Int16Array.from({ length: SAMPLE_RATE }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE)));

/** Wall-clock milliseconds with sub-ms resolution, comparable across processes on one machine. */
export const now = () => performance.timeOrigin + performance.now();

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** RTP audio packets (one Opus frame each) received and reported lost so far, and when the report says it was taken. */
export interface RtpCount {
  at: number;
  received: number;
  lost: number;
}

export class BenchPeer {
  readonly room = new Room();
  private readonly firstAudibleAt = new Map<string, number>();
  private source: AudioSource | null = null;
  private sending = false;
  private readers = new Set<ReadableStreamDefaultReader<AudioFrame>>();
  private audibleWaiters = new Map<string, Array<(at: number) => void>>();
  private extra: { source: AudioSource; sid: string } | null = null;

  /** @param only listen for this identity only (a listener: its speaker); others' tracks are still subscribed. */
  constructor(private readonly only: string | null = null) {}

  async connect(url: string, token: string, timeoutMs = 20_000) {
    this.room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, participant) => {
      if (track.kind === TrackKind.KIND_AUDIO) void this.listen(track, participant.identity);
    });
    await withTimeout(this.room.connect(url, token, { autoSubscribe: true, dynacast: false }), timeoutMs, "room.connect");
  }

  /** Publishes a microphone track fed a 440 Hz sine in real time (the speaker). */
  async publishSine(timeoutMs = 15_000): Promise<void> {
    this.source = new AudioSource(SAMPLE_RATE, 1, 200);
    const track = LocalAudioTrack.createAudioTrack("microphone", this.source);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    await withTimeout(this.room.localParticipant!.publishTrack(track, options), timeoutMs, "publishTrack");
    if (!this.sending) void this.pump();
  }

  private async pump() {
    this.sending = true;
    let n = 0;
    while (this.sending && this.source) {
      const data = SINE.slice((n * SLICE) % SAMPLE_RATE, ((n * SLICE) % SAMPLE_RATE) + SLICE);
      n++;
      try {
        await this.source.captureFrame(new AudioFrame(data, SAMPLE_RATE, 1, SLICE)); // paced by the source's queue
      } catch {
        return;
      }
    }
  }

  /**
   * Publishes a microphone track without feeding it (only whether the server
   * accepts the publication matters). Resolves when LiveKit has accepted it.
   * NOTE: a publish the server refuses is not rejected: rtc-node waits ~10 s
   * for a response that never comes, then fails.
   */
  async publishBare(timeoutMs = 12_000): Promise<void> {
    const source = new AudioSource(SAMPLE_RATE, 1, 200);
    const track = LocalAudioTrack.createAudioTrack("microphone", source);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    try {
      const pub: LocalTrackPublication = await withTimeout(this.room.localParticipant!.publishTrack(track, options), timeoutMs, "publishTrack");
      this.extra = { source, sid: pub.sid! };
    } catch (e) {
      await source.close().catch(() => undefined);
      throw e;
    }
  }

  async unpublishBare(timeoutMs = 5_000): Promise<void> {
    const extra = this.extra;
    this.extra = null;
    if (!extra) return;
    await withTimeout(this.room.localParticipant!.unpublishTrack(extra.sid, true), timeoutMs, "unpublishTrack").catch(() => undefined);
    await extra.source.close().catch(() => undefined);
  }

  /**
   * Decodes the speaker's audio in 10 ms frames until the first audible one
   * (the join time), then stops: delivery is counted from RTP statistics, so
   * hundreds of peers need not decode every frame in JavaScript.
   */
  private async listen(track: RemoteTrack, identity: string) {
    if (this.only && identity !== this.only) return;
    let reader: ReadableStreamDefaultReader<AudioFrame>;
    try {
      reader = new AudioStream(track, { sampleRate: SAMPLE_RATE, numChannels: 1, frameSizeMs: SLICE_MS }).getReader();
    } catch {
      return; // the track went away before we got to it
    }
    this.readers.add(reader);
    try {
      for (;;) {
        let result: ReadableStreamReadResult<AudioFrame>;
        try {
          result = await reader.read();
        } catch {
          return;
        }
        if (result.done) return;
        const data = result.value.data;
        let sum = 0;
        for (let i = 0; i < data.length; i++) sum += data[i]! * data[i]!;
        if (Math.sqrt(sum / Math.max(1, data.length)) > AUDIBLE_RMS) {
          const at = now();
          this.firstAudibleAt.set(identity, at);
          for (const resolve of this.audibleWaiters.get(identity) ?? []) resolve(at);
          this.audibleWaiters.delete(identity);
          return;
        }
      }
    } finally {
      this.readers.delete(reader);
      reader.cancel().catch(() => undefined);
    }
  }

  /** Resolves with the time the first audible frame from `identity` arrived. */
  firstAudible(identity: string, timeoutMs: number): Promise<number> {
    const at = this.firstAudibleAt.get(identity);
    if (at !== undefined) return Promise.resolve(at);
    const waiting = new Promise<number>((resolve) => {
      const list = this.audibleWaiters.get(identity) ?? [];
      list.push(resolve);
      this.audibleWaiters.set(identity, list);
    });
    return withTimeout(waiting, timeoutMs, `first audible frame from ${identity}`);
  }

  /** Audio packets received from the room so far (inbound RTP), from WebRTC's own statistics. */
  async receivedAudio(): Promise<RtpCount> {
    const stats = await this.room.getRtcStats();
    let received = 0;
    let lost = 0;
    let at = now();
    // LiveKit 1.13 and rtc-node may use one peer connection for both directions: look in both lists.
    for (const s of [...stats.publisherStats, ...stats.subscriberStats]) {
      if (s.stats.case === "inboundRtp" && s.stats.value.stream?.kind === "audio") {
        received += Number(s.stats.value.received?.packetsReceived ?? 0);
        // The report's own time (µs since the epoch): a report can be older than the moment we read it.
        if (s.stats.value.rtc?.timestamp) at = Number(s.stats.value.rtc.timestamp) / 1000;
        lost += Number(s.stats.value.received?.packetsLost ?? 0);
      }
    }
    return { at, received, lost };
  }

  /** Audio packets this peer has sent (outbound RTP). */
  async sentAudio(): Promise<{ at: number; sent: number }> {
    const stats = await this.room.getRtcStats();
    let sent = 0;
    for (const s of [...stats.publisherStats, ...stats.subscriberStats]) {
      if (s.stats.case === "outboundRtp" && s.stats.value.stream?.kind === "audio") sent += Number(s.stats.value.sent?.packetsSent ?? 0);
    }
    return { at: now(), sent };
  }

  async close(timeoutMs = 5_000) {
    this.sending = false;
    for (const r of this.readers) r.cancel().catch(() => undefined);
    await this.source?.close().catch(() => undefined);
    await this.extra?.source.close().catch(() => undefined);
    await withTimeout(this.room.disconnect(), timeoutMs, "room.disconnect").catch(() => undefined);
  }
}
