import Link from "next/link";
import { buttonClass } from "../ui/button";
import { SignOutButton } from "./sign-out-button";
import { HomeLink } from "../ui/home-link";

export type SitePage = "home" | "calls" | "profile" | "signin" | "signup" | "other";

const navLink =
  "rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white";
const currentLink = "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white";

function NavLink({ href, page, current, children }: { href: string; page: SitePage; current: SitePage; children: string }) {
  const here = page === current;
  return (
    <Link href={href} aria-current={here ? "page" : undefined} className={`${navLink} ${here ? currentLink : ""}`}>
      {children}
    </Link>
  );
}

/** The site's top bar: who is signed in, with their pages and sign-out; sign-in and sign-up for guests. */
export function SiteHeader({ user, current }: { user: { name: string } | null; current: SitePage }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2.5">
        <HomeLink className="text-sm" />
        <nav aria-label="Account" className="flex flex-wrap items-center gap-1">
          {user ? (
            <>
              <p className="mr-1 max-w-40 truncate text-sm text-slate-600 sm:max-w-60 dark:text-slate-400">
                <span className="sr-only sm:not-sr-only">Signed in as </span>
                <span className="font-medium text-slate-900 dark:text-slate-100">{user.name}</span>
              </p>
              <NavLink href="/calls" page="calls" current={current}>
                My calls
              </NavLink>
              <NavLink href="/profile" page="profile" current={current}>
                Profile
              </NavLink>
              <SignOutButton className={navLink} />
            </>
          ) : (
            <>
              <NavLink href="/signin" page="signin" current={current}>
                Sign in
              </NavLink>
              <Link href="/signup" aria-current={current === "signup" ? "page" : undefined} className={buttonClass("primary", "ml-1 px-3 py-1")}>
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
