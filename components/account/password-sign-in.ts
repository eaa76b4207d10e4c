import { signIn } from "next-auth/react";
import { signInErrorMessage } from "./sign-in-errors";

/** Signs in through next-auth's credentials provider without leaving the page; a sentence when it fails. */
export async function signInWithPassword(email: string, password: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const res = await signIn("credentials", { email, password, redirect: false });
    if (res?.ok && !res.error) return { ok: true };
    return { ok: false, message: signInErrorMessage(res?.error ?? "") };
  } catch {
    return { ok: false, message: "Could not reach the Earshot server; check your connection and try again." };
  }
}
