/** The call page's keyboard shortcuts, one table for the handler and for the list people can open. */
export const SHORTCUTS = [
  { key: "m", label: "M", does: "Mute or unmute your microphone (speakers and admins)" },
  { key: "h", label: "H", does: "Raise or lower your hand (listeners and chatters)" },
  { key: " ", label: "Space (hold)", does: "Push to talk, when it is switched on: the microphone is on while you hold it" },
  { key: "?", label: "?", does: "Show this list" },
] as const;

export type ShortcutKey = (typeof SHORTCUTS)[number]["key"];

/**
 * Which shortcut a keydown is, if any. Typing is never a shortcut: not in a text field, select or
 * editable element, nor with Ctrl, Alt or Meta held (the browser's and the screen reader's keys).
 */
export function shortcutOf(e: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean; target: EventTarget | null }): ShortcutKey | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const el = e.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = el?.tagName?.toLowerCase();
  if (el?.isContentEditable || tag === "input" || tag === "textarea" || tag === "select") return null;
  // Space on a focused button presses it: only push-to-talk elsewhere.
  if (e.key === " " && (tag === "button" || tag === "a")) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return SHORTCUTS.some((s) => s.key === key) ? (key as ShortcutKey) : null;
}
