"use client";

import { useEffect, useRef } from "react";

/** A short soft two-note chime through Web Audio (no sound file to serve). */
function chime(): void {
  const context = new AudioContext();
  const gain = context.createGain();
  gain.connect(context.destination);
  gain.gain.setValueAtTime(0.0001, context.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.15, context.currentTime + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 0.45);
  for (const [freq, at] of [
    [880, 0],
    [1320, 0.12],
  ] as const) {
    const tone = context.createOscillator();
    tone.frequency.value = freq;
    tone.connect(gain);
    tone.start(context.currentTime + at);
    tone.stop(context.currentTime + 0.45);
  }
  setTimeout(() => void context.close(), 600);
}

/** Admins who asked for it hear a chime when the number of raised hands goes up. */
export function useHandChime(hands: number, enabled: boolean): void {
  const previous = useRef(hands);
  useEffect(() => {
    if (enabled && hands > previous.current) chime();
    previous.current = hands;
  }, [hands, enabled]);
}
