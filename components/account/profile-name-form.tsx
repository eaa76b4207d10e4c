"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "@/lib/client/api";
import { DisplayNameSchema } from "@/lib/contracts/accounts";
import { Button } from "../ui/button";
import { cardClass } from "../ui/styles";
import { FormMessage, TextField } from "../ui/text-field";
import { fieldError, showFieldErrors } from "./field-error";

export function ProfileNameForm({ name: initial }: { name: string }) {
  const router = useRouter();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setOutcome(null);
    const found = fieldError(DisplayNameSchema, name);
    showFieldErrors(e.currentTarget, () => setProblem(found));
    if (found) return;
    setBusy(true);
    try {
      const user = await api.updateProfile(name.trim());
      setName(user.name);
      setOutcome({ tone: "success", text: `Saved. You now appear as ${user.name} in calls you join.` });
      router.refresh(); // the top bar shows the new name
    } catch (err) {
      setOutcome({ tone: "error", text: isApiError(err) ? err.message : "Could not save your name; try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="name-heading" className={`${cardClass} flex flex-col gap-4`}>
      <h2 id="name-heading" className="text-lg font-semibold">
        Your name in calls
      </h2>
      <TextField
        id="profile-name"
        label="Display name"
        autoComplete="nickname"
        maxLength={40}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={problem}
        hint="Others see this name in calls. Calls you are already in keep the name you joined with."
      />
      <Button type="submit" aria-disabled={busy} className="self-start">
        {busy ? "Saving…" : "Save name"}
      </Button>
      {outcome && <FormMessage tone={outcome.tone}>{outcome.text}</FormMessage>}
    </form>
  );
}
