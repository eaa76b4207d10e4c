"use client";

import { useCallback, useRef, useState } from "react";
import type { Reaction, ReactionBurst } from "../contracts/reactions";

export interface FloatingReaction {
  id: number;
  emoji: Reaction;
  /** Where across the stage it rises, 0..1. */
  x: number;
}

/** How long one floats, and at most how many are on screen: a crowd's burst shows as a handful, not thousands. */
export const FLOAT_MS = 2600;
const PER_EMOJI = 6;
const ON_SCREEN = 36;

/** Turns the server's coalesced bursts into a bounded set of emoji floating up the stage. */
export function useFloatingReactions() {
  const [floating, setFloating] = useState<FloatingReaction[]>([]);
  const next = useRef(0);
  const show = useCallback((burst: ReactionBurst) => {
    const added: FloatingReaction[] = [];
    for (const [emoji, count] of Object.entries(burst.counts) as [Reaction, number][]) {
      for (let i = 0; i < Math.min(count, PER_EMOJI); i++) added.push({ id: next.current++, emoji, x: Math.random() });
    }
    if (added.length === 0) return;
    setFloating((now) => [...now, ...added].slice(-ON_SCREEN));
    const ids = new Set(added.map((f) => f.id));
    setTimeout(() => setFloating((now) => now.filter((f) => !ids.has(f.id))), FLOAT_MS);
  }, []);
  return { floating, show };
}
