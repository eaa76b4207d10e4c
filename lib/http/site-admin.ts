import { appContext } from "../context";
import type { Visitor } from "../services/admit-participant";
import { requireSiteAdmin } from "../services/site-admin";
import { requestUser } from "./identity";

/** The site admin making this request; 403 for anyone else (pages answer 404 instead). */
export async function requestSiteAdmin(req: Request): Promise<Visitor> {
  return requireSiteAdmin(appContext().accounts, await requestUser(req));
}
