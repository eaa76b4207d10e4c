import { appContext } from "../context";
import type { Visitor } from "../services/admit-participant";
import { sessionUserId } from "../auth/session";
import { isSiteAdmin } from "../services/accounts";
import { requireSiteAdmin } from "../services/site-admin";
import { visitorFor } from "../services/visitors";
import { requestUser } from "./identity";

/** The site admin making this request; 403 for anyone else (pages answer 404 instead). */
export async function requestSiteAdmin(req: Request): Promise<Visitor> {
  return requireSiteAdmin(appContext().accounts, await requestUser(req));
}

/** For /admin pages: the site admin behind these cookies, or null (the page then answers 404). */
export async function siteAdminFromCookies(cookies: Record<string, string>): Promise<Visitor | null> {
  const { env, deps, accounts } = appContext();
  const user = await visitorFor(deps, await sessionUserId(env.NEXTAUTH_SECRET, cookies));
  return user && (await isSiteAdmin(accounts, user.id)) ? user : null;
}
