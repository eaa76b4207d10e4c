import type { ReactNode } from "react";
import { SiteHeader, type SitePage as Current } from "./site-header";

/** A page of the site (not the call room): the top bar, then the page's own content. */
export function SitePage({
  user,
  current,
  width = "wide",
  children,
}: {
  user: { name: string } | null;
  current: Current;
  width?: "wide" | "narrow";
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader user={user} current={current} />
      <main className={`mx-auto flex flex-col gap-6 px-4 py-8 sm:py-10 ${width === "narrow" ? "max-w-md" : "max-w-4xl"}`}>{children}</main>
    </>
  );
}
