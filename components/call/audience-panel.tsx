"use client";

import { useEffect, useId, useState } from "react";
import { api } from "@/lib/client/api";
import { usePagedList } from "@/lib/client/use-paged-list";
import type { AudienceCount, ParticipantDto } from "@/lib/contracts/dto";
import { Button } from "../ui/button";
import { inputClass } from "../ui/styles";
import { type ParticipantControls, ParticipantItems } from "./participant-list";

/** A search waits for the typing to pause, so a crowd's server is not asked per keystroke. */
const SEARCH_DELAY_MS = 250;

interface AudiencePanelProps {
  callId: string;
  count: AudienceCount;
  /** The audience loaded so far (live for admins), in join order. */
  people: ParticipantDto[];
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  onLoadMore: () => void;
  controls: ParticipantControls;
  speaking: ReadonlySet<string>;
}

/**
 * The audience as a count and pages: "N listening", the people loaded so far
 * with "Show more", and a name search answered by the server. Nothing here
 * grows with the crowd beyond what the person asked to see.
 */
export function AudiencePanel({ callId, count, people, hasMore, loading, failed, onLoadMore, controls, speaking }: AudiencePanelProps) {
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState("");
  const searchId = useId();
  useEffect(() => {
    const t = setTimeout(() => setQuery(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [typed]);
  const online = count.total - count.away;
  return (
    <section aria-labelledby="audience-heading">
      <h2 id="audience-heading" className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
        Audience{" "}
        <span className="font-normal text-slate-500 dark:text-slate-400" data-testid="audience-count">
          {count.total.toLocaleString("en")} listening
        </span>
        {count.away > 0 && <span className="font-normal text-slate-500 dark:text-slate-400"> ({online.toLocaleString("en")} online)</span>}
      </h2>
      <label htmlFor={searchId} className="sr-only">
        Search the audience
      </label>
      <input
        id={searchId}
        type="search"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder="Search the audience"
        className={`${inputClass} mb-2`}
      />
      {query ? (
        <AudienceSearch key={callId} callId={callId} query={query} controls={controls} speaking={speaking} />
      ) : (
        <>
          {people.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">Nobody in the audience yet.</p>
          ) : (
            <ParticipantItems people={people} controls={controls} speaking={speaking} />
          )}
          <MoreButton hasMore={hasMore} loading={loading} failed={failed} onMore={onLoadMore} />
        </>
      )}
    </section>
  );
}

/** Search results, a page at a time; a promotion from here takes the person out of the results. */
function AudienceSearch({
  callId,
  query,
  controls,
  speaking,
}: {
  callId: string;
  query: string;
  controls: ParticipantControls;
  speaking: ReadonlySet<string>;
}) {
  const list = usePagedList(
    async (q, cursor) => {
      const page = await api.listParticipants(callId, { group: "audience", q, cursor });
      return { items: page.participants, nextCursor: page.nextCursor };
    },
    (p: ParticipantDto) => p.id,
    query,
  );
  const { search } = list;
  useEffect(() => {
    if (query !== list.query) search(query);
  }, [query, list.query, search]);
  const searchControls: ParticipantControls = {
    ...controls,
    onSetRole: async (participantId, role) => {
      const result = await controls.onSetRole(participantId, role);
      if (result.ok) list.reload();
      return result;
    },
  };
  return (
    <div aria-live="polite">
      {list.items.length === 0 && list.status === "idle" ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Nobody in the audience matches “{query}”.</p>
      ) : (
        <ParticipantItems people={list.items} controls={searchControls} speaking={speaking} />
      )}
      {list.error && <p className="text-sm text-red-700 dark:text-red-400">{list.error}</p>}
      <MoreButton hasMore={list.hasMore} loading={list.status === "loading"} failed={false} onMore={list.loadMore} />
    </div>
  );
}

function MoreButton({ hasMore, loading, failed, onMore }: { hasMore: boolean; loading: boolean; failed: boolean; onMore: () => void }) {
  if (!hasMore) return null;
  return (
    <div className="mt-2 flex items-center gap-2">
      <Button variant="secondary" className="px-2 py-1 text-xs" aria-disabled={loading || undefined} onClick={() => !loading && onMore()}>
        {loading ? "Loading…" : "Show more"}
      </Button>
      {failed && <span className="text-xs text-red-700 dark:text-red-400">Could not load more; try again.</span>}
    </div>
  );
}
