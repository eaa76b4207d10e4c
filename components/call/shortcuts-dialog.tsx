"use client";

import { forwardRef, useId } from "react";
import { SHORTCUTS } from "@/lib/client/shortcuts";
import { Button } from "../ui/button";

export interface ShortcutsDialogProps {
  pushToTalk: boolean;
  onPushToTalk: (on: boolean) => void;
}

/** The list of keyboard shortcuts (opened with ?, or the Shortcuts button), and the push-to-talk switch. */
export const ShortcutsDialog = forwardRef<HTMLDialogElement, ShortcutsDialogProps>(function ShortcutsDialog({ pushToTalk, onPushToTalk }, ref) {
  const headingId = useId();
  const close = (e: React.MouseEvent<HTMLButtonElement>) => e.currentTarget.closest("dialog")?.close();
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      className="m-auto max-w-md rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{s.label}</kbd>
            </dt>
            <dd className="text-slate-700 dark:text-slate-300">{s.does}</dd>
          </div>
        ))}
      </dl>
      <label className="mt-4 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={pushToTalk} onChange={(e) => onPushToTalk(e.target.checked)} className="size-4" />
        Push to talk (hold Space to speak)
      </label>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Shortcuts do nothing while you type in a field.</p>
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={close} autoFocus>
          Close
        </Button>
      </div>
    </dialog>
  );
});
