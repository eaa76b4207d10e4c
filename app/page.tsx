import { HostCallForm } from "@/components/splash/host-call-form";
import { JoinCallForm } from "@/components/splash/join-call-form";

export default function Splash() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-10 sm:py-16">
      <header className="flex flex-col gap-3">
        <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase dark:text-indigo-400">Earshot</p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Voice calls with listeners, on your own server.</h1>
        <p className="max-w-2xl text-slate-600 dark:text-slate-400">
          Open a call at a three-word link and share it. A few people talk on stage; everyone else listens, and chatters can join in
          the chat. You decide who gets which role, and the chat is kept as the call&apos;s history. No accounts needed.
        </p>
      </header>
      <div className="grid items-start gap-6 md:grid-cols-2">
        <HostCallForm />
        <JoinCallForm />
      </div>
    </main>
  );
}
