import { flushSync } from "react-dom";
import type { z } from "zod";

/** The first problem a contract schema finds with one field, as a sentence; null when it is fine. */
export function fieldError(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const message = parsed.error.issues[0]?.message ?? "this is not valid";
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

/**
 * After a failed submit: renders the field errors now (`show` sets them), then focuses the first
 * invalid field, so a screen reader reads its error (aria-describedby) with it.
 */
export function showFieldErrors(form: HTMLFormElement, show: () => void): void {
  flushSync(show);
  form.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
}
