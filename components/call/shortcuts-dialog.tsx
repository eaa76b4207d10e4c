"use client";

import { forwardRef } from "react";
import { SHORTCUTS } from "@/lib/client/shortcuts";
import { Button } from "../ui/button";
import { ModalDialog } from "../ui/modal-dialog";

export interface ShortcutsDialogProps {
  pushToTalk: boolean;
  onPushToTalk: (on: boolean) => void;
}

/** The list of keyboard shortcuts (opened with ?, or the Shortcuts button), and the push-to-talk switch. */
export const ShortcutsDialog = forwardRef<HTMLDialogElement, ShortcutsDialogProps>(function ShortcutsDialog({ pushToTalk, onPushToTalk }, ref) {
  const close = (e: React.MouseEvent<HTMLButtonElement>) => e.currentTarget.closest("dialog")?.close();
  return (
    <ModalDialog ref={ref} title="Keyboard shortcuts" width="md">
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {s.label}
              </kbd>
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
    </ModalDialog>
  );
});
