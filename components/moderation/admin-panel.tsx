"use client";

import { type KeyboardEvent, type RefObject, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from "react";
import type { Act, ActionResult } from "@/lib/client/call-connection";
import type { ModerationLog } from "@/lib/client/moderation";
import type { CallDto, ParticipantDto } from "@/lib/contracts/dto";
import { Button } from "../ui/button";
import { CallControls } from "./call-controls";
import { ModerationLogList } from "./moderation-log-list";
import { PeopleManager } from "./people-manager";

export interface AdminPanelProps {
  id: string;
  call: CallDto;
  self: ParticipantDto;
  participants: ParticipantDto[];
  log: ModerationLog;
  logState: "idle" | "loading" | "failed";
  /** False while disconnected: the controls wait. */
  connected: boolean;
  act: Act;
  onEnd: () => Promise<ActionResult>;
  onLoadOlderLog: () => void;
  onRetryLog: () => void;
  onClose: () => void;
}

const sectionHeading = "mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300";

/** Below Tailwind's `sm` the panel covers the screen, so it is a modal dialog there. */
const PHONE = "(max-width: 639.98px)";
const subscribePhone = (onChange: () => void) => {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};
const isPhone = () => window.matchMedia(PHONE).matches;
const notPhone = () => false;

/**
 * Makes everything outside `el` inert (no focus, hidden from screen readers) while `on`;
 * a layout effect, so the page is usable again as soon as the panel is gone (focus can return).
 */
function useInertOutside(el: RefObject<HTMLElement | null>, on: boolean) {
  useLayoutEffect(() => {
    if (!on || !el.current) return;
    const made: Element[] = [];
    for (let node: Element = el.current; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling === node || sibling.hasAttribute("inert")) continue;
        sibling.setAttribute("inert", "");
        made.push(sibling);
      }
    }
    return () => made.forEach((s) => s.removeAttribute("inert"));
  }, [el, on]);
}

/**
 * The admins' side panel (a full-screen sheet on a phone, modal there: the page behind is inert):
 * the call's switches, everyone present, the moderation log.
 */
export function AdminPanel({ id, call, self, participants, log, logState, connected, act, onEnd, onLoadOlderLog, onRetryLog, onClose }: AdminPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const modal = useSyncExternalStore(subscribePhone, isPhone, notPhone);
  useEffect(() => heading.current?.focus(), []);
  useInertOutside(panel, modal);

  function onKeyDown(e: KeyboardEvent) {
    // Escape inside a confirmation dialog closes only the dialog.
    if (e.key === "Escape" && !(e.target as Element).closest("dialog")) onClose();
  }

  return (
    <div
      ref={panel}
      id={id}
      role={modal ? "dialog" : "complementary"}
      aria-modal={modal || undefined}
      aria-labelledby={`${id}-heading`}
      onKeyDown={onKeyDown}
      className="fixed inset-y-0 right-0 z-30 flex w-full flex-col border-l border-slate-200 bg-white shadow-2xl sm:w-[28rem] dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          Admin panel
        </h2>
        <Button variant="secondary" onClick={onClose} aria-label="Close admin panel">
          Close
        </Button>
      </div>
      <div className="flex flex-1 flex-col gap-6 overflow-y-auto px-4 py-4">
        {!connected && <p className="text-sm text-amber-800 dark:text-amber-300">You are not connected; the controls come back with the connection.</p>}
        <section aria-labelledby={`${id}-call`}>
          <h3 id={`${id}-call`} className={sectionHeading}>
            This call
          </h3>
          <CallControls call={call} act={act} onEnd={onEnd} disabled={!connected} />
        </section>
        <section aria-labelledby={`${id}-people`}>
          <h3 id={`${id}-people`} className={sectionHeading}>
            People <span className="font-normal text-slate-500 dark:text-slate-400">({participants.length})</span>
          </h3>
          <PeopleManager self={self} people={participants} act={act} disabled={!connected} />
        </section>
        <section aria-labelledby={`${id}-log`}>
          <h3 id={`${id}-log`} className={sectionHeading}>
            Moderation log
          </h3>
          <ModerationLogList
            entries={log.entries}
            hasMore={log.nextCursor !== null}
            loadState={logState}
            onLoadMore={logState === "failed" ? onRetryLog : onLoadOlderLog}
          />
        </section>
      </div>
    </div>
  );
}
