"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "./api";
import { useLatest } from "./use-latest";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  items: T[];
  /** The search the items answer. */
  query: string;
  hasMore: boolean;
  status: "loading" | "idle" | "failed";
  /** Why the last load failed, as a sentence. */
  error: string | null;
  search(query: string): void;
  loadMore(): void;
  reload(): void;
  /** Puts an item the server returned (after an action) in place of its old version. */
  replace(item: T): void;
}

/**
 * A searchable list loaded a page at a time (the /admin lists, a call's audience
 * search). A newer search wins over an older one still in flight. The first
 * page loaded is for `initialQuery`.
 */
export function usePagedList<T>(
  fetchPage: (query: string, cursor: string | null) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  initialQuery = "",
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [query, setQuery] = useState(initialQuery);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<PagedList<T>["status"]>("loading");
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const fetcher = useLatest(fetchPage);

  const load = useCallback(
    async (q: string, after: string | null) => {
      const ticket = ++latest.current;
      setStatus("loading");
      setError(null);
      try {
        const page = await fetcher.current(q, after);
        if (ticket !== latest.current) return;
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setStatus("idle");
      } catch (e) {
        if (ticket !== latest.current) return;
        setStatus("failed");
        setError(isApiError(e) ? e.message : "Could not load this list; try again.");
      }
    },
    [fetcher],
  );

  const first = useRef(initialQuery);
  useEffect(() => void load(first.current, null), [load]);

  const keyRef = useLatest(keyOf);
  return {
    items,
    query,
    hasMore: cursor !== null,
    status,
    error,
    search: (q) => {
      setQuery(q);
      void load(q, null);
    },
    loadMore: () => {
      if (cursor && status !== "loading") void load(query, cursor);
    },
    reload: () => void load(query, null),
    replace: (item) => setItems((old) => old.map((o) => (keyRef.current(o) === keyRef.current(item) ? item : o))),
  };
}
