"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "@/lib/client/api";
import { MAX_TITLE_LENGTH } from "@/lib/contracts/rest";
import type { DefaultRole } from "@/lib/contracts/roles";
import { Button } from "../ui/button";
import { cardClass, inputClass } from "../ui/styles";

const ROLE_CHOICES: { role: DefaultRole; explanation: string }[] = [
  { role: "listener", explanation: "hears the call and reads the chat" },
  { role: "chatter", explanation: "hears the call and can write in the chat" },
  { role: "speaker", explanation: "can talk, listen and chat" },
];

export function HostCallForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [defaultRole, setDefaultRole] = useState<DefaultRole>("listener");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { call } = await api.createCall({ defaultRole, title: title.trim() || undefined });
      router.push(`/call/${call.id}`);
    } catch (err) {
      setError(isApiError(err) ? err.message : "Could not start the call; try again.");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="host-heading" className={`${cardClass} flex flex-col gap-4`}>
      <h2 id="host-heading" className="text-lg font-semibold">
        Host a call
      </h2>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="call-title" className="text-sm font-medium">
          Title <span className="font-normal text-slate-500 dark:text-slate-400">(optional)</span>
        </label>
        <input
          id="call-title"
          className={inputClass}
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Friday listening party"
          autoComplete="off"
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-medium">People who join start as</legend>
        {ROLE_CHOICES.map(({ role, explanation }) => (
          <label
            key={role}
            className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:bg-indigo-950/50"
          >
            <input
              type="radio"
              name="default-role"
              value={role}
              checked={defaultRole === role}
              onChange={() => setDefaultRole(role)}
              className="mt-0.5 accent-indigo-600"
            />
            <span>
              <span className="font-medium capitalize">{role}</span>
              <span className="text-slate-600 dark:text-slate-400"> — {explanation}</span>
            </span>
          </label>
        ))}
        <p className="text-xs text-slate-500 dark:text-slate-400">You are the host and an admin: you can change anyone&apos;s role during the call.</p>
      </fieldset>
      <Button type="submit" disabled={busy}>
        {busy ? "Starting the call…" : "Host a call"}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
