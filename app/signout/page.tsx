import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/account/sign-out-button";
import { SitePage } from "@/components/account/site-page";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/styles";
import { currentUser } from "@/lib/adapters/page-session";

export const metadata: Metadata = { title: "Sign out · Earshot" };

/** Where next-auth sends a browser that asks to sign out without a form of ours. */
export default async function SignOutPage() {
  const user = await currentUser();
  if (!user) redirect("/");
  return (
    <SitePage user={user} current="other" width="narrow">
      <section aria-labelledby="signout-heading" className={`${cardClass} flex flex-col gap-4`}>
        <h1 id="signout-heading" className="text-xl font-semibold">
          Sign out of Earshot?
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">You are signed in as {user.name}. You can still join calls as a guest afterwards.</p>
        <SignOutButton className={buttonClass("primary", "self-start")} />
      </section>
    </SitePage>
  );
}
