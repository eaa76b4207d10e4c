"use client";

import { useCallback, useLayoutEffect, useRef, useState } from "react";

/** Within this many pixels of the bottom counts as "reading the latest". */
const NEAR_BOTTOM_PX = 80;
const NEAR_TOP_PX = 64;

interface Snapshot {
  first: string | null;
  last: string | null;
  height: number;
  top: number;
}

/**
 * Chat scrolling: follow new messages only when the reader is already at the
 * bottom (or wrote the message), count the ones they have not seen otherwise,
 * and keep the view still when an older page is put on top.
 */
export function useChatScroll({
  firstKey,
  lastKey,
  lastIsOwn,
  onNearTop,
}: {
  firstKey: string | null;
  lastKey: string | null;
  lastIsOwn: boolean;
  onNearTop: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const prev = useRef<Snapshot>({ first: null, last: null, height: 0, top: 0 });
  const [unseen, setUnseen] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const p = prev.current;
    if (p.first !== null && firstKey !== p.first && lastKey === p.last) {
      el.scrollTop = p.top + (el.scrollHeight - p.height);
    } else if (lastKey !== p.last) {
      if (nearBottom.current || lastIsOwn || p.last === null) el.scrollTop = el.scrollHeight;
      else setUnseen((n) => n + 1);
    }
    prev.current = { first: firstKey, last: lastKey, height: el.scrollHeight, top: el.scrollTop };
  }, [firstKey, lastKey, lastIsOwn]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    prev.current.top = el.scrollTop;
    prev.current.height = el.scrollHeight;
    if (nearBottom.current) setUnseen(0);
    if (el.scrollTop < NEAR_TOP_PX) onNearTop();
  }, [onNearTop]);

  const scrollToBottom = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollTo({ top: el.scrollHeight, behavior: "smooth" });
    setUnseen(0);
  }, []);

  return { ref, onScroll, unseen, scrollToBottom };
}
