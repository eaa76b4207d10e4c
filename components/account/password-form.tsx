"use client";

import { type FormEvent, useState } from "react";
import { api, isApiError } from "@/lib/client/api";
import { PasswordSchema } from "@/lib/contracts/accounts";
import { Button } from "../ui/button";
import { cardClass } from "../ui/styles";
import { FormMessage, TextField } from "../ui/text-field";
import { fieldError, showFieldErrors } from "./field-error";
import { NewPasswordField } from "./new-password-field";

type Field = "current" | "next" | "confirm";
const EMPTY: Record<Field, string> = { current: "", next: "", confirm: "" };

/** Changes the password, or sets a first one for an account made with GitHub or Google. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [values, setValues] = useState(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<Field, string | null>>>({});
  const [outcome, setOutcome] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setOutcome(null);
    const found = {
      current: hasPassword && !values.current ? "Enter your current password." : null,
      next: fieldError(PasswordSchema, values.next),
      confirm: values.confirm !== values.next ? "The two new passwords are not the same." : null,
    };
    showFieldErrors(form, () => setProblems(found));
    if (found.current || found.next || found.confirm) return;
    setBusy(true);
    try {
      await api.changePassword(values.current, values.next);
      setValues(EMPTY);
      setOutcome({ tone: "success", text: "Your password has been changed. Use the new one next time you sign in." });
    } catch (err) {
      if (isApiError(err) && err.code === "FORBIDDEN") showFieldErrors(form, () => setProblems({ current: "That is not your current password." }));
      else setOutcome({ tone: "error", text: isApiError(err) ? err.message : "Could not change your password; try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-heading" className={`${cardClass} flex flex-col gap-4`}>
      <h2 id="password-heading" className="text-lg font-semibold">
        {hasPassword ? "Change password" : "Set a password"}
      </h2>
      {hasPassword && (
        <TextField
          id="password-current"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.current}
          onChange={set("current")}
          error={problems.current}
        />
      )}
      <NewPasswordField id="password-new" label="New password" value={values.next} onChange={set("next")} error={problems.next} />
      <TextField
        id="password-confirm"
        label="New password again"
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={set("confirm")}
        error={problems.confirm}
      />
      <Button type="submit" aria-disabled={busy} className="self-start">
        {busy ? "Saving…" : hasPassword ? "Change password" : "Set password"}
      </Button>
      {outcome && <FormMessage tone={outcome.tone}>{outcome.text}</FormMessage>}
    </form>
  );
}
