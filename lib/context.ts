import type { AuthOptions } from "next-auth";
import type { Env } from "./env";
import type { AccountDeps } from "./services/accounts";
import type { OriginPolicy } from "./http/csrf";
import type { Deps } from "./services/deps";

/**
 * What request handlers need from the running server. server.ts builds it once
 * and publishes it on globalThis, because Next bundles route handlers as
 * separate module instances that cannot share server.ts's imports.
 */
export interface AppContext {
  env: Env;
  deps: Deps;
  accounts: AccountDeps;
  authOptions: AuthOptions;
  health(): Promise<{ db: boolean; livekit: boolean; draining: boolean }>;
  /** Which origins may send cookie-authenticated writes (the site's public origin is known once it listens). */
  originPolicy(): OriginPolicy;
}

const KEY = Symbol.for("earshot.appContext");
type Holder = { [KEY]?: AppContext };

export function publishAppContext(ctx: AppContext): void {
  (globalThis as Holder)[KEY] = ctx;
}

export function appContext(): AppContext {
  const ctx = (globalThis as Holder)[KEY];
  if (!ctx) throw new Error("Earshot's app context is missing: start the app with server.ts (npm start / npm run dev), not `next start`.");
  return ctx;
}
