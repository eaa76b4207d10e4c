"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { api, isApiError } from "@/lib/client/api";
import { extractCallId } from "@/lib/contracts/call-id";
import { RecordingIndicator } from "../recording/recording-indicator";
import { Button } from "../ui/button";
import { cardClass, inputClass } from "../ui/styles";

/** Why a pasted link or ID cannot be joined, or null when it can. */
async function checkJoinable(input: string): Promise<{ id: string; recording: boolean } | { error: string }> {
  const id = extractCallId(input);
  if (!id) {
    return { error: "That doesn't look like an Earshot link or call ID. Call IDs are three words joined by dashes, like banana-hello-helicopter." };
  }
  try {
    const { call } = await api.getCall(id);
    if (call.endedAt) return { error: `That call has ended (${id}).` };
    return { id, recording: call.recording };
  } catch (e) {
    if (isApiError(e) && e.code === "CALL_NOT_FOUND") return { error: `No call called “${id}” exists. Check the link for typos.` };
    return { error: isApiError(e) ? e.message : "Could not check that call; try again." };
  }
}

export function JoinCallForm() {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A call being recorded is said so before joining; the second Join goes in.
  const [recordingNotice, setRecordingNotice] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await checkJoinable(value);
    if ("id" in result && result.recording && recordingNotice !== result.id) {
      setRecordingNotice(result.id);
      setBusy(false);
      return;
    }
    if ("id" in result) {
      router.push(`/call/${result.id}`);
      return;
    }
    setError(result.error);
    setBusy(false);
  }

  return (
    <form onSubmit={submit} aria-labelledby="join-heading" className={`${cardClass} flex flex-col gap-4`} noValidate>
      <h2 id="join-heading" className="text-lg font-semibold">
        Join a call
      </h2>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="join-input" className="text-sm font-medium">
          Call link or ID
        </label>
        <input
          id="join-input"
          className={inputClass}
          value={value}
          onChange={(e) => (setValue(e.target.value), setRecordingNotice(null))}
          placeholder="banana-hello-helicopter"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "join-error" : undefined}
        />
      </div>
      {recordingNotice && (
        <p role="status" className="flex flex-wrap items-center gap-2 text-sm">
          <RecordingIndicator />
          This call is being recorded. Speakers are recorded only if they say yes.
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy ? "Checking…" : recordingNotice ? "Join anyway" : "Join"}
      </Button>
      {error && (
        <p id="join-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
