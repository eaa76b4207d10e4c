"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { FormMessage } from "../ui/text-field";

/** Ends the session, then loads the home page afresh (every page shows who is signed in). */
export function SignOutButton({ className, label = "Sign out" }: { className: string; label?: string }) {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  async function run() {
    setState("busy");
    try {
      await signOut({ redirect: false });
      window.location.assign("/");
    } catch {
      setState("failed");
    }
  }
  return (
    <>
      <button type="button" className={className} onClick={run} disabled={state === "busy"}>
        {state === "busy" ? "Signing out…" : label}
      </button>
      {state === "failed" && <FormMessage tone="error">Could not sign out: the server did not answer. Try again.</FormMessage>}
    </>
  );
}
