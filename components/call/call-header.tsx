"use client";

import Link from "next/link";
import type { ActionResult, ConnectionState } from "@/lib/client/call-connection";
import type { CallDto, ParticipantDto } from "@/lib/contracts/dto";
import { buttonClass } from "../ui/button";
import { RoleBadge } from "../ui/role-badge";
import { ConnectionPill } from "./connection-status";
import { CopyLinkButton } from "./copy-link-button";
import { EndCallButton } from "./end-call-button";
import { LeaveButton, type LeaveButtonProps } from "./leave-button";
import { HomeLink } from "../ui/home-link";
import { RecordingIndicator } from "../recording/recording-indicator";
import { can } from "@/lib/domain/permissions";

export interface CallHeaderProps {
  callId: string;
  call: CallDto | null;
  self: ParticipantDto | null;
  connection: ConnectionState;
  ended: boolean;
  /** The audience's size ("N listening" beside the title), once known; null before the first call:state and after the end. */
  listening: number | null;
  leave: Omit<LeaveButtonProps, "onEnd">;
  onEnd: () => Promise<ActionResult>;
}

export function CallHeader({ callId, call, self, connection, ended, listening, leave, onEnd }: CallHeaderProps) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3 border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex min-w-0 flex-col gap-0.5">
        <HomeLink />
        <div className="flex min-w-0 flex-wrap items-baseline gap-x-3">
          <h1 className="truncate text-lg font-semibold">{call?.title ?? callId}</h1>
          {listening !== null && (
            <span className="shrink-0 text-sm text-slate-600 dark:text-slate-400" data-testid="listening">
              {listening.toLocaleString("en")} listening
            </span>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
          <span className="font-mono">{callId}</span>
          <ConnectionPill state={connection} />
          {call?.recording && !ended && <RecordingIndicator />}
        </div>
      </div>
      <div className="flex flex-wrap items-start gap-2">
        {self && (
          <p className="flex h-9 items-center gap-1.5 text-sm">
            <span className="text-slate-500 dark:text-slate-400">You are</span>
            <span className="font-medium">{self.displayName}</span>
            <RoleBadge role={self.role} />
          </p>
        )}
        {!ended && <CopyLinkButton callId={callId} />}
        {self && can(self.role, "moderate") && !ended && connection.status === "connected" && <EndCallButton onEnd={onEnd} />}
        {ended ? (
          <Link href="/" className={buttonClass("secondary")}>
            Back home
          </Link>
        ) : (
          // On a phone, Leave is in the control bar at the bottom.
          <div className="max-lg:hidden">
            <LeaveButton {...leave} onEnd={onEnd} />
          </div>
        )}
      </div>
    </header>
  );
}
