"use client";

import { useEffect, useState } from "react";
import { getSession } from "next-auth/react";
import { api, isApiError } from "@/lib/client/api";
import type { ParticipantDto } from "@/lib/contracts/dto";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/text-field";

type User = { name: string };
type State =
  { kind: "offer"; user: User } | { kind: "claiming"; user: User } | { kind: "failed"; user: User; message: string } | { kind: "done"; name: string };

/**
 * Someone signed in who is in this call as a guest (from before they signed
 * in, in this browser) may keep that seat, role and messages under their account.
 */
export function ClaimGuestSeat({ callId, self, ended }: { callId: string; self: ParticipantDto | null; ended: boolean }) {
  const [state, setState] = useState<State | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const isGuest = self?.kind === "guest";

  useEffect(() => {
    if (!isGuest) return;
    let active = true;
    getSession().then(
      (session) => active && session?.user?.name && setState({ kind: "offer", user: { name: session.user.name } }),
      () => {}, // unknown whether anyone is signed in: offer nothing
    );
    return () => {
      active = false;
    };
  }, [isGuest]);

  if (!state || dismissed || ended || (state.kind !== "done" && !isGuest)) return null;
  if (state.kind === "done") {
    return (
      <div className="mx-4 mt-3 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-2 dark:border-emerald-900 dark:bg-emerald-950/50">
        <FormMessage tone="success">Done: this seat is now yours as {state.name}, with your role and messages.</FormMessage>
      </div>
    );
  }

  const { user } = state;
  async function claim() {
    setState({ kind: "claiming", user });
    try {
      const participant = await api.claimParticipant(callId);
      setState({ kind: "done", name: participant.displayName });
    } catch (e) {
      const message =
        isApiError(e) && e.code === "ALREADY_IN_CALL"
          ? `Your account is already in this call from another device, so this seat stays a guest.`
          : isApiError(e)
            ? e.message
            : "Could not keep the seat; try again.";
      setState({ kind: "failed", user, message });
    }
  }

  return (
    <section
      aria-labelledby="claim-heading"
      className="mx-4 mt-3 flex flex-col gap-2 rounded-xl border border-indigo-200 bg-indigo-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between dark:border-indigo-900 dark:bg-indigo-950/50"
    >
      <div className="flex flex-col gap-0.5">
        <h2 id="claim-heading" className="text-sm font-semibold">
          Keep your guest seat under your account
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          You are signed in as {user.name} but joined this call as {self?.displayName}. Keep your role and messages, and show as {user.name}?
        </p>
        {state.kind === "failed" && <FormMessage tone="error">{state.message}</FormMessage>}
      </div>
      <div className="flex shrink-0 gap-2">
        <Button onClick={claim} aria-disabled={state.kind === "claiming"}>
          {state.kind === "claiming" ? "Keeping…" : `Keep it as ${user.name}`}
        </Button>
        <Button variant="secondary" onClick={() => setDismissed(true)}>
          Not now
        </Button>
      </div>
    </section>
  );
}
