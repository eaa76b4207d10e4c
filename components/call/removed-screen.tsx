import { buttonClass } from "../ui/button";
import { CallProblem } from "./call-problem";

/**
 * The one final screen for someone an admin removed or banned: nothing of the live call stays
 * (no Reconnect, no hand, no stale notice). Removed people may come back through the link; banned ones may not.
 */
export function RemovedScreen({ callId, banned, reason }: { callId: string; banned: boolean; reason: string | null }) {
  return (
    <CallProblem
      title={banned ? "You were banned from this call" : "You were removed from this call"}
      message={
        reason ??
        (banned ? "An admin banned you from this call. You cannot join it again." : "An admin removed you from this call. You can join it again with its link.")
      }
      // A full page load, so the join starts afresh (the removal is cleared by joining again).
      actions={
        banned ? undefined : (
          <a href={`/call/${callId}`} className={buttonClass("primary")}>
            Join again
          </a>
        )
      }
    />
  );
}
