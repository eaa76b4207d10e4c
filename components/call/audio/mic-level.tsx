"use client";

import { useEffect, useState } from "react";
import { microphoneErrorMessage } from "@/lib/client/audio-state";
import { useMicLevel } from "@/lib/client/use-mic-level";
import { Button } from "../../ui/button";

/** A level bar (a meter to assistive technology): how loud the microphone hears you. */
export function LevelMeter({ level, label }: { level: number; label: string }) {
  const percent = Math.round(level * 100);
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div className="h-full rounded-full bg-emerald-500 transition-[width] duration-75" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** The speaker's own level while the microphone is on: you see that you are heard. */
export function OwnLevel({ track }: { track: MediaStreamTrack | null }) {
  return <LevelMeter level={useMicLevel(track)} label="Your microphone level" />;
}

/**
 * Try the microphone before going live: a local capture, never published, with a level bar.
 * The capture stops with the test (or when this goes away).
 */
export function MicTest() {
  const [track, setTrack] = useState<MediaStreamTrack | null>(null);
  const [error, setError] = useState<string | null>(null);
  const level = useMicLevel(track);
  useEffect(() => () => track?.stop(), [track]);

  async function start() {
    setError(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      setTrack(stream.getAudioTracks()[0] ?? null);
    } catch (e) {
      setError(microphoneErrorMessage(e as { name?: string; message?: string }));
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      {track ? (
        <>
          <LevelMeter level={level} label="Microphone test level" />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Say something: the bar moves when your microphone hears you. Nobody else hears this test.
          </p>
          <Button variant="secondary" className="self-start px-2 py-1 text-xs" onClick={() => setTrack(null)}>
            Stop the test
          </Button>
        </>
      ) : (
        <Button variant="secondary" className="self-start px-2 py-1 text-xs" onClick={() => void start()}>
          Test your microphone
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
