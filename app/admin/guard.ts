import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { appContext } from "@/lib/context";
import { pageSiteAdmin } from "@/lib/adapters/site-admin";
import type { Visitor } from "@/lib/services/admit-participant";

/**
 * /admin pages exist only for site admins: anyone else gets the ordinary 404, so nobody learns they are there.
 * Once per request (metadata and page both ask).
 */
export const requireSiteAdminPage = cache(async (): Promise<Visitor> => {
  const admin = await pageSiteAdmin(appContext());
  if (!admin) notFound();
  return admin;
});

/** An /admin page's title, only after the guard: a 404 for anyone else must not name the admin pages. */
export async function siteAdminMetadata(title: string): Promise<Metadata> {
  await requireSiteAdminPage();
  return { title };
}
