"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { withCallbackUrl } from "@/lib/domain/callback-url";
import { api, isApiError } from "@/lib/client/api";
import { DisplayNameSchema, EmailSchema, PasswordSchema } from "@/lib/contracts/accounts";
import { Button } from "../ui/button";
import { cardClass } from "../ui/styles";
import { FormMessage, TextField } from "../ui/text-field";
import { fieldError, showFieldErrors } from "./field-error";
import { NewPasswordField } from "./new-password-field";
import { signInWithPassword } from "./password-sign-in";

type Field = "name" | "email" | "password";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [values, setValues] = useState<Record<Field, string>>({ name: "", email: "", password: "" });
  const [problems, setProblems] = useState<Partial<Record<Field, string | null>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const found = {
      name: fieldError(DisplayNameSchema, values.name),
      email: fieldError(EmailSchema, values.email),
      password: fieldError(PasswordSchema, values.password),
    };
    setError(null);
    showFieldErrors(e.currentTarget, () => setProblems(found));
    if (found.name || found.email || found.password) return;
    setBusy(true);
    try {
      await api.signUp({ name: values.name.trim(), email: values.email.trim(), password: values.password });
    } catch (err) {
      setError(isApiError(err) ? err.message : "Could not create your account; try again.");
      setBusy(false);
      return;
    }
    const signedIn = await signInWithPassword(values.email.trim(), values.password);
    if (signedIn.ok) {
      window.location.assign(callbackUrl);
      return;
    }
    setError(`Your account is ready, but signing in did not work: ${signedIn.message}`);
    setBusy(false);
  }

  return (
    <section aria-labelledby="signup-heading" className={`${cardClass} flex flex-col gap-5`}>
      <div className="flex flex-col gap-1">
        <h1 id="signup-heading" className="text-xl font-semibold">
          Create an account
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Join calls under your own name and keep the history of every call you were in.</p>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextField
          id="signup-name"
          label="Display name"
          autoComplete="nickname"
          maxLength={40}
          value={values.name}
          onChange={set("name")}
          error={problems.name}
          hint="Shown to others in calls."
        />
        <TextField id="signup-email" label="Email" type="email" autoComplete="email" value={values.email} onChange={set("email")} error={problems.email} />
        <NewPasswordField id="signup-password" label="Password" value={values.password} onChange={set("password")} error={problems.password} />
        <Button type="submit" aria-disabled={busy}>
          {busy ? "Creating your account…" : "Sign up"}
        </Button>
        {error && <FormMessage tone="error">{error}</FormMessage>}
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Already have an account?{" "}
        <Link href={withCallbackUrl("/signin", callbackUrl)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          Sign in
        </Link>
      </p>
    </section>
  );
}
