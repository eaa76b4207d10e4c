import Link from "next/link";
import { buttonClass } from "../ui/button";
import { cardClass } from "../ui/styles";

/** A full-page explanation of why there is no call to show, with a way out. */
export function CallProblem({ title, message }: { title: string; message: string }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-4 py-10">
      <section className={`${cardClass} flex flex-col gap-4`} aria-labelledby="problem-heading">
        <h1 id="problem-heading" className="text-xl font-semibold">
          {title}
        </h1>
        <p className="text-slate-700 dark:text-slate-300">{message}</p>
        <Link href="/" className={buttonClass("primary", "self-start")}>
          Back to Earshot home
        </Link>
      </section>
    </main>
  );
}
