import Link from "next/link";
import { buttonClass } from "../ui/button";

/** Cursor paging through a newest-first list: back to the newest page, or on to older ones. */
export function Pager({ label, newestHref, olderHref, olderText }: { label: string; newestHref: string | null; olderHref: string | null; olderText: string }) {
  if (!newestHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2">
      {newestHref ? (
        <Link href={newestHref} className={buttonClass("secondary")}>
          Back to the newest
        </Link>
      ) : (
        <span />
      )}
      {olderHref && (
        <Link href={olderHref} className={buttonClass("secondary")}>
          {olderText}
        </Link>
      )}
    </nav>
  );
}
