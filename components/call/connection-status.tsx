import type { ConnectionState, ConnectionStatus } from "@/lib/client/call-connection";

const LABEL: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  closed: "Disconnected",
};

const DOT: Record<ConnectionStatus, string> = {
  connecting: "bg-slate-400",
  connected: "bg-emerald-500",
  reconnecting: "bg-amber-500 animate-pulse",
  offline: "bg-red-500",
  closed: "bg-slate-500",
};

/** The always-visible pill; a live region, so screen readers hear every change. */
export function ConnectionPill({ state }: { state: ConnectionState }) {
  return (
    <p role="status" className="inline-flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
      <span aria-hidden className={`size-2 rounded-full ${DOT[state.status]}`} />
      {LABEL[state.status]}
    </p>
  );
}

/**
 * A banner for the states that need explaining; nothing while all is well. Only people who can
 * write are told their messages will wait: a listener has none to send.
 */
export function ConnectionBanner({ state, ended, canChat }: { state: ConnectionState; ended: boolean; canChat: boolean }) {
  if (ended || state.status === "connected" || state.status === "connecting") return null;
  if (state.status === "closed") {
    return (
      <div className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
        {state.reason ?? "You are disconnected from this call."}{" "}
        <a href="" className="font-medium underline">
          Reconnect
        </a>
      </div>
    );
  }
  const text =
    state.status === "offline"
      ? `You are offline. ${canChat ? "Messages you write now will be sent when your connection is back." : "The call comes back when your connection does."}`
      : `Connection lost; reconnecting…${canChat ? " Messages you write now will be sent when you are back." : ""}`;
  return (
    <div className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
      {text}
    </div>
  );
}
