"use client";

import { useCallback, useState } from "react";
import type { ActionResult } from "./call-connection";

/**
 * Runs one action at a time for a piece of UI: which one is busy (by key), and
 * the server's refusal sentence from the last one, to show next to it.
 */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (key: string, action: () => Promise<ActionResult>): Promise<ActionResult> => {
    setBusy(key);
    setError(null);
    const result = await action();
    setBusy(null);
    if (!result.ok) setError(result.message);
    return result;
  }, []);
  return { busy, error, run };
}
