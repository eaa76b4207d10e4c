"use client";

import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { Act, ActionResult } from "@/lib/client/call-connection";
import type { RoomState } from "@/lib/client/call-state";
import type { LogLoad } from "@/lib/client/use-moderation-log";
import { Button } from "../ui/button";
import { AdminPanel } from "./admin-panel";
import { HandButton } from "./hand-button";
import { NoticeBanner } from "./notice-banner";
import { can } from "@/lib/domain/permissions";

export interface ModerationBarProps {
  room: RoomState;
  connected: boolean;
  act: Act;
  onEnd: () => Promise<ActionResult>;
  onDismissNotice: () => void;
  logState: LogLoad;
  onLoadOlderLog: () => void;
  onRetryLog: () => void;
}

const PANEL_ID = "admin-panel";

/**
 * The call page's moderation strip under the header: what an admin did to you,
 * your raise-hand button, and for admins the admin panel's toggle and panel.
 */
export function ModerationBar({ room, connected, act, onEnd, onDismissNotice, logState, onLoadOlderLog, onRetryLog }: ModerationBarProps) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { self, call } = room;
  const live = room.synced && !room.ended && self !== null && call !== null;
  const isAdmin = live && can(self.role, "moderate");
  const hands = isAdmin ? room.people.audienceCount.hands : 0;
  // Demoted, or the call ended: the panel closes, so a later re-promotion does not reopen it by itself.
  if (open && !isAdmin) setOpen(false);

  function close() {
    flushSync(() => setOpen(false)); // the panel gone and the page no longer inert, so focus can go back
    toggle.current?.focus();
  }

  return (
    <>
      <NoticeBanner notice={room.ended ? null : room.notice} onDismiss={onDismissNotice} />
      {live && (
        // On a phone only an admin's panel toggle is left here (the hand is in the control bar).
        <div
          className={`flex flex-wrap items-start gap-3 border-b border-slate-200 px-4 py-2 empty:hidden dark:border-slate-800 ${isAdmin ? "" : "max-lg:hidden"}`}
        >
          {/* On a phone the hand is in the control bar at the bottom. */}
          <HandButton self={self} act={act} disabled={!connected} className="max-lg:hidden" />
          {isAdmin && (
            <Button ref={toggle} variant="secondary" aria-expanded={open} aria-controls={PANEL_ID} onClick={() => setOpen((o) => !o)}>
              Admin panel
              {hands > 0 && (
                <span className="rounded-full bg-amber-500 px-1.5 text-xs font-semibold text-white dark:bg-amber-600">
                  {hands} {hands === 1 ? "hand" : "hands"}
                </span>
              )}
            </Button>
          )}
        </div>
      )}
      {isAdmin && open && (
        <AdminPanel
          id={PANEL_ID}
          call={call}
          self={self}
          participants={[...room.people.stage, ...room.people.audience]}
          log={room.log}
          logState={logState}
          connected={connected}
          act={act}
          onEnd={onEnd}
          onLoadOlderLog={onLoadOlderLog}
          onRetryLog={onRetryLog}
          onClose={close}
        />
      )}
    </>
  );
}
