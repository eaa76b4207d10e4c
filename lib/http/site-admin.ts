import { appContext } from "../context";
import type { Visitor } from "../services/admit-participant";
import { isSiteAdmin } from "../services/accounts";
import { requireSiteAdmin } from "../services/site-admin";
import { cookieUser, requestUser } from "./identity";

/** The site admin making this request; 403 for anyone else (pages answer 404 instead). */
export async function requestSiteAdmin(req: Request): Promise<Visitor> {
  return requireSiteAdmin(appContext().accounts, await requestUser(req));
}

/** For /admin pages: the site admin behind these cookies, or null (the page then answers 404). */
export async function siteAdminFromCookies(cookies: Record<string, string>): Promise<Visitor | null> {
  const user = await cookieUser(cookies);
  return user && (await isSiteAdmin(appContext().accounts, user.id)) ? user : null;
}
