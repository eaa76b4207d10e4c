"use client";

import { useEffect, useState } from "react";

/** The current time, refreshed every `intervalMs` ("2 min ago" labels, countdowns); `null` stops the ticking. */
export function useNow(intervalMs: number | null = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
