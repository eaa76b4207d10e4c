import { AllCalls } from "./all-calls";
import { LiveCalls } from "./live-calls";
import { UsersList } from "./users-list";
import { HomeLink } from "../ui/home-link";

/** /admin: the site's live calls, every call's history, and the accounts. */
export function AdminDashboard({ adminId, adminName }: { adminId: string; adminName: string }) {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 sm:py-10">
      <header className="flex flex-col gap-1">
        <HomeLink />
        <h1 className="text-2xl font-bold tracking-tight">Site admin</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Signed in as {adminName}. What you do here is recorded in each call&apos;s moderation log.</p>
      </header>
      <LiveCalls />
      <AllCalls />
      <UsersList selfId={adminId} />
    </main>
  );
}
