import type { Notice } from "@/lib/contracts/socket";
import { Button } from "../ui/button";

/** What an admin just did to you (accepted or lowered your hand, muted you), until you dismiss it. */
export function NoticeBanner({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <div className="flex items-start justify-between gap-3 border-b border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
          <p>{notice.message}</p>
          <Button variant="secondary" className="shrink-0 px-2 py-1 text-xs" onClick={onDismiss} aria-label="Dismiss notice">
            OK
          </Button>
        </div>
      )}
    </div>
  );
}
