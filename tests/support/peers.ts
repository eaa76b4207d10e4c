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
  type RemoteTrack,
} from "@livekit/rtc-node";

export const SAMPLE_RATE = 48_000;
const FRAME_MS = 10;
const SAMPLES = (SAMPLE_RATE / 1000) * FRAME_MS;

/** A headless LiveKit participant (rtc-node) that can publish a sine and count what it hears. */
export class Peer {
  readonly room = new Room();
  private source: AudioSource | null = null;
  private sending = false;
  private frequency = 440;
  /** Per remote identity: received 10 ms frames, and how many of them carried sound. */
  readonly heard = new Map<string, { frames: number; audible: number; firstAt: number }>();

  async connect(url: string, token: string) {
    this.room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, participant) => {
      if (track.kind === TrackKind.KIND_AUDIO) void this.listen(track, participant.identity);
    });
    await this.room.connect(url, token, { autoSubscribe: true, dynacast: false });
  }

  /** Publishes a microphone track and keeps feeding it a sine (440 Hz unless told) in real time. */
  async publishSine(frequency = 440): Promise<void> {
    this.frequency = frequency;
    this.source = new AudioSource(SAMPLE_RATE, 1, 200);
    const track = LocalAudioTrack.createAudioTrack("microphone", this.source);
    const options = new TrackPublishOptions();
    options.source = TrackSource.SOURCE_MICROPHONE;
    await this.room.localParticipant!.publishTrack(track, options);
    if (!this.sending) void this.pump();
  }

  /** Tries to publish, for polling until a permission arrives: true once the media server allows it. */
  publishes(): Promise<boolean> {
    return this.publishSine().then(
      () => true,
      () => false,
    );
  }

  private async pump() {
    this.sending = true;
    let n = 0;
    while (this.sending && this.source) {
      const data = new Int16Array(SAMPLES);
      for (let i = 0; i < SAMPLES; i++) data[i] = Math.round(8000 * Math.sin((2 * Math.PI * this.frequency * (n * SAMPLES + i)) / SAMPLE_RATE));
      n++;
      try {
        await this.source.captureFrame(new AudioFrame(data, SAMPLE_RATE, 1, SAMPLES)); // paced by the source's queue
      } catch {
        return;
      }
    }
  }

  private async listen(track: RemoteTrack, identity: string) {
    const stats = { frames: 0, audible: 0, firstAt: Date.now() };
    this.heard.set(identity, stats);
    const reader = new AudioStream(track, SAMPLE_RATE, 1).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      // Lost packets are concealed with fading or silent frames: count only frames that carry the sine.
      const chunks = Math.max(1, Math.round(value.samplesPerChannel / SAMPLES));
      let sum = 0;
      for (const s of value.data) sum += s * s;
      const rms = Math.sqrt(sum / value.data.length);
      stats.frames += chunks;
      if (rms > 2000) stats.audible += chunks;
    }
  }

  /** Counts from now on: resets what was heard from `identity` and returns a reader of the new totals. */
  window(identity: string) {
    const start = { ...(this.heard.get(identity) ?? { frames: 0, audible: 0, firstAt: 0 }) };
    return () => {
      const now = this.heard.get(identity) ?? { frames: 0, audible: 0 };
      return { frames: now.frames - start.frames, audible: now.audible - start.audible };
    };
  }

  waitFor(event: RoomEvent, match: (...args: any[]) => boolean = () => true, timeoutMs = 10_000): Promise<any[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (this.room.off(event, handler), reject(new Error(`timed out waiting for ${event}`))), timeoutMs);
      const handler = (...args: any[]) => {
        if (!match(...args)) return;
        clearTimeout(timer);
        this.room.off(event, handler);
        resolve(args);
      };
      this.room.on(event, handler);
    });
  }

  /** Bounded: a room the media server dropped (a test killed the server under it) may never confirm its disconnect. */
  async close() {
    this.sending = false;
    const closing = (async () => {
      await this.source?.close().catch(() => undefined);
      await this.room.disconnect().catch(() => undefined);
    })();
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  }
}

/** A peer connected with a join's media access; `opened` collects it for closing after the tests. */
export async function connectPeer(opened: Peer[], session: { livekit: { url: string; token: string } | null }): Promise<Peer> {
  const p = new Peer();
  opened.push(p);
  await p.connect(session.livekit!.url, session.livekit!.token);
  return p;
}
