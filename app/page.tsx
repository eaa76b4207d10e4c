import { SitePage } from "@/components/account/site-page";
import { HostCallForm } from "@/components/splash/host-call-form";
import { JoinCallForm } from "@/components/splash/join-call-form";
import { currentUser } from "@/lib/adapters/page-session";

export default async function Splash() {
  const user = await currentUser();
  return (
    <SitePage user={user} current="home">
      <header className="flex flex-col gap-3 sm:pt-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Voice calls with listeners, on your own server.</h1>
        <p className="max-w-2xl text-slate-600 dark:text-slate-400">
          Open a call at a three-word link and share it. A few people talk on stage; everyone else listens, and chatters can join in the chat. You decide who
          gets which role, and the chat is kept as the call&apos;s history. No account needed; with one you join under your own name and keep a list of your
          calls.
        </p>
      </header>
      <div className="grid items-start gap-6 md:grid-cols-2">
        <HostCallForm />
        <JoinCallForm />
      </div>
    </SitePage>
  );
}
