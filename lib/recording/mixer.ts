import type { SpeechSegment } from "../services/ports";

/**
 * The recording's sample rate. 24 kHz keeps a voice's whole range (Opus
 * encodes it as super-wideband, up to 12 kHz) at half the samples of 48 kHz:
 * the media library resamples natively, and everything after it (copies,
 * mixing, the pipe to ffmpeg, the encoder) does half the work.
 */
export const SAMPLE_RATE = 24_000;
const SAMPLES_PER_MS = SAMPLE_RATE / 1000;
/** More than this buffered for one speaker means their audio runs ahead of the clock: the oldest goes. */
const MAX_BUFFERED = SAMPLE_RATE / 2;
/**
 * A speaker's audio is taken only once this much has arrived (and again after
 * it ran dry): a jitter buffer, so packets that arrive a little late, or a
 * mixer tick that fires late on a busy machine, do not punch holes in the
 * voice. It covers one mixer tick and one whole late frame of the recorder
 * (lib/recording/livekit-recorder.ts: both 100 ms) with 50 ms to spare.
 */
export const PRIME_MS = 250;
const PRIME = PRIME_MS * SAMPLES_PER_MS;
/** RMS above which a speaker counts as talking (a quiet voice is a few hundred; line noise a few tens). */
const SPEAKING_RMS = 300;
/** A pause shorter than this does not end a segment. */
const HANGOVER_MS = 400;

/** One speaker's incoming samples, taken out in the mixer's rhythm. */
class Input {
  private chunks: Int16Array[] = [];
  private buffered = 0;
  private primed = false;

  push(samples: Int16Array) {
    this.chunks.push(samples);
    this.buffered += samples.length;
    while (this.buffered > MAX_BUFFERED && this.chunks.length > 1) this.buffered -= this.chunks.shift()!.length;
  }

  /**
   * Adds the next `sum.length` samples into `sum` (what arrived; silence if
   * too little did: a late or lost packet) and returns their RMS. Added in
   * place, so a tick copies nothing per speaker.
   */
  addInto(sum: Int32Array): number {
    const n = sum.length;
    if (!this.primed && this.buffered < PRIME) return 0;
    this.primed = this.buffered >= n; // running dry: wait for the buffer to fill again
    let filled = 0;
    let squares = 0;
    while (filled < n && this.chunks.length) {
      const head = this.chunks[0]!;
      const count = Math.min(n - filled, head.length);
      for (let i = 0; i < count; i++) {
        const s = head[i]!;
        sum[filled + i]! += s;
        squares += s * s;
      }
      filled += count;
      if (count === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(count);
    }
    this.buffered -= filled;
    return Math.sqrt(squares / n);
  }
}

/** The 16-bit samples of a sum of voices, clipped (a sum of loud voices would wrap around). */
export function clip(sum: Int32Array): Int16Array {
  const out = new Int16Array(sum.length);
  for (let i = 0; i < sum.length; i++) out[i] = Math.max(-32768, Math.min(32767, sum[i]!));
  return out;
}

/**
 * The recording's clock and mix. The file's length follows the wall clock
 * (silence is written when nobody speaks), so a replay's offsets are real
 * time since the recording started; each speaker's samples are taken in
 * step with it. Also notes when each speaker talked, and hands those notes
 * out as they grow so that they can be saved during the recording.
 */
export class Mixer {
  private inputs = new Map<string, Input>();
  private written = 0;
  /** Reused from tick to tick; grown when a late tick needs more. */
  private sum = new Int32Array(0);
  private open = new Map<string, { startMs: number; lastLoudMs: number }>();
  /** Closed segments that were not saved yet. */
  private unsaved: SpeechSegment[] = [];

  push(speaker: string, samples: Int16Array) {
    let input = this.inputs.get(speaker);
    if (!input) this.inputs.set(speaker, (input = new Input()));
    input.push(samples);
  }

  /** Stops taking a speaker at once (their consent was withdrawn or they left): what was buffered is dropped too. */
  drop(speaker: string) {
    this.inputs.delete(speaker);
    this.closeSegment(speaker);
  }

  /**
   * The mixed samples from where the last call left off up to `elapsedMs`
   * since the start (the file's length follows it). A new array each time:
   * the caller hands it to a pipe that may still hold it at the next tick.
   */
  advance(elapsedMs: number): Int16Array {
    const n = Math.floor(elapsedMs * SAMPLES_PER_MS) - this.written;
    if (n <= 0) return new Int16Array(0);
    if (this.sum.length < n) this.sum = new Int32Array(n);
    const sum = this.sum.subarray(0, n).fill(0);
    const fromMs = this.written / SAMPLES_PER_MS;
    const toMs = (this.written + n) / SAMPLES_PER_MS;
    for (const [speaker, input] of this.inputs) this.track(speaker, input.addInto(sum) >= SPEAKING_RMS, fromMs, toMs);
    this.written += n;
    return clip(sum);
  }

  get durationMs(): number {
    return this.written / SAMPLES_PER_MS;
  }

  /**
   * What a save should write now: the closed segments not saved yet, and the
   * open ones as they stand (handed again, longer, until they close: the
   * store keys a segment by speaker and start, so a later save extends it).
   */
  unsavedSegments(): SpeechSegment[] {
    return [...this.unsaved, ...[...this.open].map(([speaker, seg]) => segment(speaker, seg))];
  }

  /** These segments reached the store (from `unsavedSegments`): the closed ones among them are not handed out again. */
  markSaved(segments: SpeechSegment[]) {
    const saved = new Set(segments);
    this.unsaved = this.unsaved.filter((s) => !saved.has(s));
  }

  /** Ends the open segments (the recording stops). */
  closeSegments() {
    for (const speaker of [...this.open.keys()]) this.closeSegment(speaker);
  }

  private track(speaker: string, loud: boolean, fromMs: number, toMs: number) {
    const seg = this.open.get(speaker);
    if (loud) {
      if (seg) seg.lastLoudMs = toMs;
      else this.open.set(speaker, { startMs: fromMs, lastLoudMs: toMs });
    } else if (seg && fromMs - seg.lastLoudMs > HANGOVER_MS) {
      this.closeSegment(speaker);
    }
  }

  private closeSegment(speaker: string) {
    const seg = this.open.get(speaker);
    if (!seg) return;
    this.open.delete(speaker);
    this.unsaved.push(segment(speaker, seg));
  }
}

const segment = (speaker: string, seg: { startMs: number; lastLoudMs: number }): SpeechSegment => ({
  participantId: speaker,
  startMs: Math.round(seg.startMs),
  endMs: Math.round(seg.lastLoudMs),
});
