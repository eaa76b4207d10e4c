"use client";

import Link from "next/link";
import { adminApi } from "@/lib/client/api";
import { usePagedList } from "@/lib/client/use-paged-list";
import type { CallDto } from "@/lib/contracts/dto";
import { buttonClass } from "../ui/button";
import { AdminListSection } from "./admin-section";
import { AdminCallSummary, callName } from "./admin-call-summary";

/** Every call, live or ended, newest first, searchable by title or ID, each with its history and moderation log. */
export function AllCalls() {
  const list = usePagedList(
    async (q, cursor) => {
      const page = await adminApi.listCalls({ status: "all", q, cursor });
      return { items: page.calls, nextCursor: page.nextCursor };
    },
    (c: CallDto) => c.id,
  );
  return (
    <AdminListSection
      id="calls-heading"
      title="All calls"
      search={{ label: "Search calls", placeholder: "Title or call ID" }}
      list={list}
      empty="No calls yet."
      renderItem={(call) => (
        <li key={call.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
          <AdminCallSummary call={call} />
          <Link
            href={`/admin/calls/${call.id}`}
            className={buttonClass("secondary", "shrink-0 self-start px-2 py-1 text-xs sm:self-center")}
            aria-label={`History and log of ${callName(call)}`}
          >
            History and log
          </Link>
        </li>
      )}
    />
  );
}
