import type { PagedList } from "@/lib/client/use-paged-list";
import { Button } from "../ui/button";

/** Under a paged list: loading, the failure sentence with a retry, "nothing found", or "show more". */
export function ListFooter<T>({ list, empty }: { list: PagedList<T>; empty: string }) {
  return (
    <div className="mt-2 flex flex-col items-start gap-2 text-sm">
      {list.status === "loading" && <p className="text-slate-500 dark:text-slate-400">Loading…</p>}
      {list.status === "failed" && (
        <>
          <p role="alert" className="text-red-700 dark:text-red-400">
            {list.error}
          </p>
          <Button variant="secondary" onClick={list.reload}>
            Try again
          </Button>
        </>
      )}
      {list.status === "idle" && list.items.length === 0 && (
        <p className="text-slate-500 dark:text-slate-400">{list.query ? `Nothing matches “${list.query}”.` : empty}</p>
      )}
      {list.status === "idle" && list.hasMore && (
        <Button variant="secondary" onClick={list.loadMore}>
          Show more
        </Button>
      )}
    </div>
  );
}
