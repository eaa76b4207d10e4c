import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "../ui/button";
import { cardClass } from "../ui/styles";

/** A full-page explanation of why there is no call to show, with a way out (and `actions` before it, when there are more ways). */
export function CallProblem({ title, message, actions }: { title: string; message: string; actions?: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-4 py-10">
      <section className={`${cardClass} flex flex-col gap-4`} aria-labelledby="problem-heading">
        <h1 id="problem-heading" className="text-xl font-semibold">
          {title}
        </h1>
        <p className="text-slate-700 dark:text-slate-300">{message}</p>
        <div className="flex flex-wrap gap-2">
          {actions}
          <Link href="/" className={buttonClass(actions ? "secondary" : "primary")}>
            Back to Earshot home
          </Link>
        </div>
      </section>
    </main>
  );
}
