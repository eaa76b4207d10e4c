import type { MyCallsQuery } from "@/lib/contracts/history";
import { Button } from "../ui/button";
import { inputClass } from "../ui/styles";

const STATUSES: { value: MyCallsQuery["status"]; label: string }[] = [
  { value: "all", label: "All calls" },
  { value: "live", label: "Live now" },
  { value: "ended", label: "Ended" },
];

/** A plain GET form: filters live in the address, so they can be bookmarked and work without JavaScript. */
export function CallFilters({ status, q }: { status: MyCallsQuery["status"]; q: string }) {
  return (
    <form method="get" action="/calls" role="search" aria-label="Filter calls" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex flex-col gap-1.5 sm:w-40">
        <label htmlFor="calls-status" className="text-sm font-medium">
          Show
        </label>
        <select id="calls-status" name="status" defaultValue={status} className={inputClass}>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-1 flex-col gap-1.5">
        <label htmlFor="calls-search" className="text-sm font-medium">
          Search by title
        </label>
        <input id="calls-search" type="search" name="q" defaultValue={q} maxLength={120} className={inputClass} placeholder="standup" autoComplete="off" />
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
