import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { siteAdminFromCookies } from "@/lib/http/site-admin";
import type { Visitor } from "@/lib/services/admit-participant";

/** /admin pages exist only for site admins: anyone else gets the ordinary 404, so nobody learns they are there. */
export async function requireSiteAdminPage(): Promise<Visitor> {
  const jar = await cookies();
  const admin = await siteAdminFromCookies(Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])));
  if (!admin) notFound();
  return admin;
}
