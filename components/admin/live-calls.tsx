"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { adminApi, attempt } from "@/lib/client/api";
import { useAction } from "@/lib/client/use-action";
import { usePagedList } from "@/lib/client/use-paged-list";
import type { CallDto } from "@/lib/contracts/dto";
import { Button, buttonClass } from "../ui/button";
import { ConfirmButton } from "../ui/confirm-button";
import { AdminListSection } from "./admin-section";
import { ActionError } from "../moderation/action-error";
import { AdminCallSummary, callName } from "./admin-call-summary";

const small = "px-2 py-1 text-xs";

/** Every live call, with a way in (as an admin of it, past a lock) and a way to end it. */
export function LiveCalls() {
  const list = usePagedList(
    async (_q, cursor) => {
      const page = await adminApi.listCalls({ status: "live", cursor });
      return { items: page.calls, nextCursor: page.nextCursor };
    },
    (c: CallDto) => c.id,
  );
  return (
    <AdminListSection
      id="live-heading"
      title="Live calls"
      list={list}
      empty="No call is live right now."
      renderItem={(call) => <LiveCallRow key={call.id} call={call} onEnded={list.reload} />}
      actions={
        <Button variant="secondary" className={small} onClick={list.reload} disabled={list.status === "loading"}>
          Refresh
        </Button>
      }
    />
  );
}

function LiveCallRow({ call, onEnded }: { call: CallDto; onEnded: () => void }) {
  const router = useRouter();
  const { busy, error, run } = useAction();
  async function join() {
    const result = await run("join", () => attempt(adminApi.joinCall(call.id), "Could not join the call; try again."));
    if (result.ok) router.push(`/call/${call.id}`);
  }
  async function end() {
    const result = await attempt(adminApi.endCall(call.id), "Could not end the call; try again.");
    if (result.ok) onEnded();
    return result;
  }
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
      <AdminCallSummary call={call} />
      <div className="flex shrink-0 flex-wrap gap-1.5">
        <Button className={small} onClick={() => void join()} disabled={busy !== null} aria-label={`Join ${callName(call)} as admin`}>
          {busy === "join" ? "Joining…" : "Join as admin"}
        </Button>
        <Link href={`/admin/calls/${call.id}`} className={buttonClass("secondary", small)} aria-label={`History and log of ${callName(call)}`}>
          History
        </Link>
        <ConfirmButton
          label="End call"
          ariaLabel={`End ${callName(call)}`}
          className={small}
          title={`End “${callName(call)}” for everyone?`}
          body="Everyone in it is disconnected and its chat becomes read-only history. The moderation log records you as the site admin who ended it."
          confirmLabel="End call for everyone"
          busyLabel="Ending…"
          onConfirm={end}
        />
      </div>
      <ActionError message={error} />
    </li>
  );
}
