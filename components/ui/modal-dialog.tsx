"use client";

import { forwardRef, type ReactNode, useId } from "react";

const WIDTH = { sm: "max-w-sm", md: "max-w-md" } as const;

/**
 * The site's modal dialog: a native <dialog> (opened with showModal: Escape closes it, focus stays
 * inside, the page behind is inert), titled by its heading, in light and dark.
 */
export const ModalDialog = forwardRef<HTMLDialogElement, { title: string; width?: keyof typeof WIDTH; children: ReactNode }>(function ModalDialog(
  { title, width = "sm", children },
  ref,
) {
  const headingId = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      className={`m-auto ${WIDTH[width]} rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`}
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </dialog>
  );
});

/** A refusal or failure inside a dialog, announced. */
export function DialogError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
      {message}
    </p>
  );
}
