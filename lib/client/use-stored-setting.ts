"use client";

import { useCallback, useEffect, useState } from "react";

/**
 * A setting remembered in this browser (localStorage, as JSON), e.g. push-to-talk, a speaker's
 * volume, the hand chime. The first render uses `fallback` (the server cannot know it); a blocked
 * or corrupt storage simply forgets.
 */
export function useStoredSetting<T>(key: string, fallback: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    try {
      const raw = window.localStorage.getItem(key);
      if (raw !== null) setValue(JSON.parse(raw) as T);
    } catch {
      // unreadable: keep the fallback
    }
  }, [key]);
  const store = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // private mode or full: the setting lasts as long as the page
      }
    },
    [key],
  );
  return [value, store];
}
