import { execFileSync } from "node:child_process";

/** Decodes any audio file to mono 16-bit PCM at `rate` with ffmpeg (the test's own, independent of the app's pipeline). */
export function decodePcm(path: string, rate: number): Int16Array {
  const out = execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-i", path, "-f", "s16le", "-ac", "1", "-ar", String(rate), "pipe:1"], {
    maxBuffer: 512 * 1024 * 1024,
  });
  return new Int16Array(out.buffer, out.byteOffset, Math.floor(out.byteLength / 2));
}

/** The container's duration in seconds, as ffprobe reads it. */
export function probeDurationSec(path: string): number {
  return Number(execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path], { encoding: "utf8" }).trim());
}

/**
 * The amplitude of one frequency in a stretch of samples (Goertzel's
 * algorithm: a single DFT bin). A full-scale sine of amplitude A reads ≈ A.
 */
export function toneAmplitude(samples: Int16Array, rate: number, frequency: number, fromSec: number, toSec: number): number {
  const from = Math.max(0, Math.floor(fromSec * rate));
  const to = Math.min(samples.length, Math.floor(toSec * rate));
  const n = to - from;
  if (n <= 0) throw new Error(`no samples between ${fromSec}s and ${toSec}s (file has ${samples.length / rate}s)`);
  const coeff = 2 * Math.cos((2 * Math.PI * frequency) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const s0 = samples[i]! + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return (2 * Math.sqrt(Math.max(0, power))) / n;
}
