/** Whether a call is still going, in words and colour. */
export function CallStatus({ live }: { live: boolean }) {
  return live ? (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200">
      <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" />
      live
    </span>
  ) : (
    <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200">ended</span>
  );
}
