import type { AppContext } from "../context";
import type { Visitor } from "../services/admit-participant";
import { isSiteAdmin } from "../services/accounts";
import { requireSiteAdmin } from "../services/site-admin";
import { requestUser } from "./identity";
import { currentUser } from "./page-session";

/** The site admin making this request; 403 for anyone else (pages answer 404 instead). */
export async function requestSiteAdmin(ctx: AppContext, req: Request): Promise<Visitor> {
  return requireSiteAdmin(ctx.accounts, await requestUser(ctx, req));
}

/** For /admin pages: the signed-in site admin, or null (the page then answers 404). */
export async function pageSiteAdmin(ctx: AppContext): Promise<Visitor | null> {
  const user = await currentUser(ctx);
  return user && (await isSiteAdmin(ctx.accounts, user.id)) ? user : null;
}
