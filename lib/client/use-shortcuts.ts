"use client";

import { useEffect } from "react";
import { useLatest } from "./use-latest";
import { shortcutOf } from "./shortcuts";

export interface ShortcutActions {
  /** M: null when the person has no microphone to toggle. */
  toggleMic: (() => void) | null;
  /** H: null when the person cannot raise a hand. */
  toggleHand: (() => void) | null;
  /** Space held: the microphone on while held; null unless push-to-talk is on and there is a microphone. */
  pushToTalk: ((down: boolean) => void) | null;
  showList: () => void;
}

/** Binds the call page's shortcuts (lib/client/shortcuts.ts) to the document while the page is live. */
export function useShortcuts(actions: ShortcutActions, enabled: boolean): void {
  // The latest actions, without rebinding the listeners on every render.
  const latest = useLatest(actions);
  useEffect(() => {
    if (!enabled) return;
    let talking = false;
    const onDown = (e: KeyboardEvent) => {
      const key = shortcutOf(e);
      if (!key) return;
      const a = latest.current;
      if (key === " ") {
        if (!a.pushToTalk) return;
        e.preventDefault(); // no page scroll
        if (!e.repeat && !talking) {
          talking = true;
          a.pushToTalk(true);
        }
        return;
      }
      if (e.repeat) return;
      const run = key === "m" ? a.toggleMic : key === "h" ? a.toggleHand : a.showList;
      if (!run) return;
      e.preventDefault();
      run();
    };
    const onUp = (e: KeyboardEvent) => {
      if (e.key === " " && talking) {
        talking = false;
        latest.current.pushToTalk?.(false);
      }
    };
    // Letting go outside the page (another window took focus) must not leave the microphone on.
    const onBlur = () => {
      if (talking) {
        talking = false;
        latest.current.pushToTalk?.(false);
      }
    };
    document.addEventListener("keydown", onDown);
    document.addEventListener("keyup", onUp);
    window.addEventListener("blur", onBlur);
    return () => {
      document.removeEventListener("keydown", onDown);
      document.removeEventListener("keyup", onUp);
      window.removeEventListener("blur", onBlur);
    };
  }, [enabled, latest]);
}
