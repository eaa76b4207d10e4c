"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { withCallbackUrl } from "@/lib/domain/callback-url";
import { Button } from "../ui/button";
import { cardClass } from "../ui/styles";
import { FormMessage, TextField } from "../ui/text-field";
import { OAuthButtons, type OAuthProvider } from "./oauth-buttons";
import { signInWithPassword } from "./password-sign-in";
import { showFieldErrors } from "./field-error";
import { signInErrorMessage } from "./sign-in-errors";

export interface SignInFormProps {
  /** A path on this site to go to afterwards (already checked by the page). */
  callbackUrl: string;
  providers: OAuthProvider[];
  /** next-auth's ?error= when it sent the browser back here. */
  initialError: string | null;
}

export function SignInForm({ callbackUrl, providers, initialError }: SignInFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(initialError && signInErrorMessage(initialError));
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems = { email: email.trim() ? undefined : "Enter your email address.", password: password ? undefined : "Enter your password." };
    setError(null);
    showFieldErrors(e.currentTarget, () => setMissing(problems));
    if (problems.email || problems.password) return;
    setBusy(true);
    const result = await signInWithPassword(email, password);
    if (result.ok) {
      window.location.assign(callbackUrl); // a full load: every page shows who is signed in
      return;
    }
    setError(result.message);
    setBusy(false);
  }

  return (
    <section aria-labelledby="signin-heading" className={`${cardClass} flex flex-col gap-5`}>
      <h1 id="signin-heading" className="text-xl font-semibold">
        Sign in
      </h1>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextField
          id="signin-email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={missing.email}
        />
        <TextField
          id="signin-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={missing.password}
        />
        <Button type="submit" aria-disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
        {error && <FormMessage tone="error">{error}</FormMessage>}
      </form>
      <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No account yet?{" "}
        <Link href={withCallbackUrl("/signup", callbackUrl)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          Sign up
        </Link>
        . You can also join calls as a guest without one.
      </p>
    </section>
  );
}
