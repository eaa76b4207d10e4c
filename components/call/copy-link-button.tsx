"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "../ui/button";
import { inputClass } from "../ui/styles";
import { CheckIcon, LinkIcon } from "../ui/icons";

type CopyState = "idle" | "copied" | "manual";

/** Copies the call's link; where the clipboard is unavailable (plain http, denied), shows it selected to copy by hand. */
export function CopyLinkButton({ callId }: { callId: string }) {
  const [state, setState] = useState<CopyState>("idle");
  const [url, setUrl] = useState("");
  const manualInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state !== "copied") return;
    const t = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(t);
  }, [state]);

  useEffect(() => {
    if (state === "manual") manualInput.current?.select();
  }, [state]);

  async function copy() {
    const link = `${window.location.origin}/call/${callId}`;
    setUrl(link);
    try {
      await navigator.clipboard.writeText(link);
      setState("copied");
    } catch {
      setState("manual");
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      <Button variant="secondary" onClick={copy} aria-describedby="copy-feedback">
        {state === "copied" ? <CheckIcon className="text-emerald-600 dark:text-emerald-400" /> : <LinkIcon />}
        {state === "copied" ? "Copied" : "Copy link"}
      </Button>
      <span id="copy-feedback" role="status" className="sr-only">
        {state === "copied" ? "Link copied to the clipboard." : ""}
      </span>
      {state === "manual" && (
        <div className="flex flex-col gap-1">
          <label htmlFor="call-link" className="text-xs text-slate-600 dark:text-slate-400">
            Copying is blocked here; press Ctrl+C (⌘C on a Mac) to copy the link:
          </label>
          <input id="call-link" ref={manualInput} readOnly value={url} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.target.select()} />
        </div>
      )}
    </div>
  );
}
