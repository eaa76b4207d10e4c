import type { DefaultSession } from "next-auth";

// What our session callback (auth-options.ts) puts in a session: the account's id and display name.
declare module "next-auth" {
  interface Session {
    user?: { id: string; name: string } & Omit<NonNullable<DefaultSession["user"]>, "name">;
  }
}
