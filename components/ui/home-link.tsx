import Link from "next/link";

/** The wordmark that leads back to the splash page, atop every page. */
export function HomeLink({ className = "self-start text-xs" }: { className?: string }) {
  return (
    <Link href="/" className={`font-semibold tracking-wide text-indigo-600 uppercase hover:underline dark:text-indigo-400 ${className}`}>
      Earshot
    </Link>
  );
}
