"use client";

import { useEffect, useState } from "react";

/**
 * How many of `count` things arrived while `open` was false (the chat sheet on a phone): a badge,
 * not a history. What was there when the page became `ready` (the first chat page) counts as seen.
 */
export function useUnread(count: number, open: boolean, ready: boolean): number {
  const [seen, setSeen] = useState<number | null>(null);
  useEffect(() => {
    if (ready && (open || seen === null)) setSeen(count);
  }, [ready, open, count, seen]);
  return open || seen === null ? 0 : Math.max(0, count - seen);
}
