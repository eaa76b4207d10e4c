"use client";

import { signIn } from "next-auth/react";
import { Button } from "../ui/button";

export interface OAuthProvider {
  id: string;
  name: string;
}

/** One button per OAuth provider the server has configured (none by default). */
export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthProvider[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-center text-xs text-slate-500 dark:text-slate-400">or</p>
      {providers.map((p) => (
        <Button key={p.id} variant="secondary" onClick={() => void signIn(p.id, { callbackUrl })}>
          Continue with {p.name}
        </Button>
      ))}
    </div>
  );
}
