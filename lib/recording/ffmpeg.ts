import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { SAMPLE_RATE } from "./mixer";

/** Why ffmpeg cannot encode recordings here (missing, or built without Opus), or null when it can. */
export function ffmpegProblem(ffmpeg: string): string | null {
  const probe = spawnSync(ffmpeg, ["-hide_banner", "-encoders"], { encoding: "utf8", timeout: 10_000 });
  if (probe.error || probe.status !== 0) {
    return `Recording is unavailable: ffmpeg was not found ("${ffmpeg}"). Install it (Debian: apt-get install ffmpeg) or set FFMPEG_PATH.`;
  }
  if (!/\blibopus\b/.test(probe.stdout)) return `Recording is unavailable: this ffmpeg ("${ffmpeg}") has no Opus encoder (libopus).`;
  return null;
}

/**
 * An ffmpeg that reads mono 16-bit PCM at the mixer's rate on stdin and writes Ogg/Opus.
 * Ogg is written page by page (a page a second), so whatever reached disk is
 * playable even if Earshot dies; and when Earshot dies, ffmpeg reads the end
 * of its stdin and closes the file properly. It runs in its own process group
 * so a Ctrl-C in Earshot's terminal does not cut it short before we end it.
 */
export function spawnOpusEncoder(ffmpeg: string, path: string): ChildProcess {
  return spawn(
    ffmpeg,
    [
      "-hide_banner",
      "-loglevel",
      "error",
      "-nostdin",
      "-f",
      "s16le",
      "-ar",
      String(SAMPLE_RATE),
      "-ac",
      "1",
      "-i",
      "pipe:0",
      "-c:a",
      "libopus",
      "-b:a",
      "48k",
      "-application",
      "voip",
      // 60 ms Opus frames (the default is 20): a third of the packets to encode and mux, for a file nobody hears live.
      "-frame_duration",
      "60",
      "-page_duration",
      "1000000",
      "-f",
      "ogg",
      "-y",
      path,
    ],
    { stdio: ["pipe", "ignore", "pipe"], detached: true },
  );
}
