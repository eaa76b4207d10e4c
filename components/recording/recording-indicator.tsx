/** The "Recording" pill everyone sees while a recording runs (and the join form shows before joining). */
export function RecordingIndicator({ className = "" }: { className?: string }) {
  return (
    <span
      role="status"
      data-testid="recording-indicator"
      className={`inline-flex items-center gap-1.5 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800 dark:bg-red-950 dark:text-red-200 ${className}`}
    >
      <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-red-600" />
      Recording
    </span>
  );
}
