import type { SpeechSegment } from "../services/ports";

export const SAMPLE_RATE = 48_000;
const SAMPLES_PER_MS = SAMPLE_RATE / 1000;
/** More than this buffered for one speaker means their audio runs ahead of the clock: the oldest goes. */
const MAX_BUFFERED = SAMPLE_RATE / 2;
/**
 * A speaker's audio is taken only once this much has arrived (and again after
 * it ran dry): a jitter buffer, so packets that arrive a little late, or a
 * mixer tick that fires late on a busy machine, do not punch holes in the voice.
 */
const PRIME = (SAMPLE_RATE * 150) / 1000;
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

  /** Exactly `n` samples: what arrived, then silence if too little did (a late or lost packet). */
  take(n: number): Int16Array {
    const out = new Int16Array(n);
    if (!this.primed && this.buffered < PRIME) return out;
    this.primed = this.buffered >= n; // running dry: wait for the buffer to fill again
    let filled = 0;
    while (filled < n && this.chunks.length) {
      const head = this.chunks[0]!;
      const count = Math.min(n - filled, head.length);
      out.set(head.subarray(0, count), filled);
      filled += count;
      if (count === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(count);
    }
    this.buffered -= filled;
    return out;
  }
}

/** Adds the speakers' samples, clipping at the 16-bit range (a sum of loud voices would wrap around). */
export function mixInto(out: Int32Array, samples: Int16Array): void {
  for (let i = 0; i < out.length; i++) out[i]! += samples[i]!;
}

export function clip(sum: Int32Array): Int16Array {
  const out = new Int16Array(sum.length);
  for (let i = 0; i < sum.length; i++) out[i] = Math.max(-32768, Math.min(32767, sum[i]!));
  return out;
}

function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}

/**
 * The recording's clock and mix. The file's length follows the wall clock
 * (silence is written when nobody speaks), so a replay's offsets are real
 * time since the recording started; each speaker's samples are taken in
 * step with it. Also notes when each speaker talked.
 */
export class Mixer {
  private inputs = new Map<string, Input>();
  private written = 0;
  private open = new Map<string, { startMs: number; lastLoudMs: number }>();
  private done: SpeechSegment[] = [];

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

  /** The mixed samples from where the last call left off up to `elapsedMs` since the start (the file's length follows it). */
  advance(elapsedMs: number): Int16Array {
    const n = Math.floor(elapsedMs * SAMPLES_PER_MS) - this.written;
    if (n <= 0) return new Int16Array(0);
    const sum = new Int32Array(n);
    const fromMs = this.written / SAMPLES_PER_MS;
    const toMs = (this.written + n) / SAMPLES_PER_MS;
    for (const [speaker, input] of this.inputs) {
      const samples = input.take(n);
      mixInto(sum, samples);
      this.track(speaker, rms(samples) >= SPEAKING_RMS, fromMs, toMs);
    }
    this.written += n;
    return clip(sum);
  }

  get durationMs(): number {
    return this.written / SAMPLES_PER_MS;
  }

  /** Every speaking segment, the open ones closed now. */
  segments(): SpeechSegment[] {
    for (const speaker of [...this.open.keys()]) this.closeSegment(speaker);
    return [...this.done].sort((a, b) => a.startMs - b.startMs);
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
    this.done.push({ participantId: speaker, startMs: Math.round(seg.startMs), endMs: Math.round(seg.lastLoudMs) });
  }
}
