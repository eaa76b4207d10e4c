import { appContext } from "@/lib/context";
import type { Metadata } from "next";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileNameForm } from "@/components/account/profile-name-form";
import { SitePage } from "@/components/account/site-page";
import { requireUser } from "@/lib/adapters/page-session";
import { myAccount } from "@/lib/services/accounts";

export const metadata: Metadata = { title: "Profile · Earshot" };

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  const account = await myAccount(appContext().accounts, user.id);
  return (
    <SitePage user={account} current="profile" width="narrow">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">Your profile</h1>
        {account.email && <p className="text-sm text-slate-600 dark:text-slate-400">Signed in with {account.email}.</p>}
      </div>
      <ProfileNameForm name={account.name} />
      <PasswordForm hasPassword={account.hasPassword} />
    </SitePage>
  );
}
