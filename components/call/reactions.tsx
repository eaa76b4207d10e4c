"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/client/call-connection";
import { useAction } from "@/lib/client/use-action";
import type { FloatingReaction } from "@/lib/client/use-floating-reactions";
import { REACTION_EMOJI, REACTIONS, type Reaction } from "@/lib/contracts/reactions";
import { ActionError } from "../moderation/action-error";
import { Button } from "../ui/button";

/** The fixed set of reactions as buttons; the server limits how fast (its refusal shows under them). */
export function ReactionPicker({ onReact, className = "" }: { onReact: (emoji: Reaction) => Promise<ActionResult>; className?: string }) {
  const { error, run } = useAction();
  return (
    <div role="group" aria-label="Reactions" className={`flex flex-col gap-1 ${className}`}>
      <div className="flex flex-wrap gap-1">
        {REACTION_EMOJI.map((emoji) => (
          <button
            key={emoji}
            type="button"
            aria-label={`React with ${REACTIONS[emoji]}`}
            onClick={() => void run("react", () => onReact(emoji))}
            className="rounded-full border border-slate-200 bg-white px-2.5 py-1 text-lg leading-none hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
          >
            {emoji}
          </button>
        ))}
      </div>
      <ActionError message={error} />
    </div>
  );
}

/** The phone's "React" button in the control bar: opens the picker above the bar. */
export function ReactionMenu({ onReact }: { onReact: (emoji: Reaction) => Promise<ActionResult> }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <Button variant="secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        React
      </Button>
      {open && (
        <div className="absolute bottom-full left-1/2 mb-2 w-64 -translate-x-1/2 rounded-2xl border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <ReactionPicker onReact={onReact} />
        </div>
      )}
    </div>
  );
}

/** Reactions rising over the stage; decoration only (screen readers are not read every clap). */
export function FloatingReactions({ reactions }: { reactions: FloatingReaction[] }) {
  return (
    <div aria-hidden className="pointer-events-none absolute inset-0 overflow-hidden" data-testid="floating-reactions">
      {reactions.map((r) => (
        <span key={r.id} className="reaction-float absolute bottom-0 text-3xl" style={{ left: `${5 + r.x * 85}%` }}>
          {r.emoji}
        </span>
      ))}
    </div>
  );
}
