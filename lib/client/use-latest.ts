"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * A ref holding the latest `value`, for listeners and callbacks that must not be re-made on every
 * render. It is updated after the render commits (React forbids writing refs during render), before
 * any effect or event can read it.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
