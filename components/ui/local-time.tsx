"use client";

import { useSyncExternalStore } from "react";

const FORMATS = {
  clock: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type Format = keyof typeof FORMATS;

/** What a server render shows: it cannot know the reader's zone or locale, so plain UTC. */
function utcText(date: Date, format: Format): string {
  const iso = date.toISOString();
  const text = format === "clock" ? iso.slice(11, 16) : format === "date" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return `${text} UTC`;
}

const noSubscription = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * A moment in the reader's own time zone and locale. A server render shows
 * UTC and says so; the browser then shows local time, with no hydration mismatch.
 */
export function LocalTime({ iso, format = "dateTime", className }: { iso: string; format?: Format; className?: string }) {
  const local = useSyncExternalStore(noSubscription, inBrowser, onServer);
  const date = new Date(iso);
  if (!local) {
    return (
      <time dateTime={iso} className={className}>
        {utcText(date, format)}
      </time>
    );
  }
  const full = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "medium" }).format(date);
  return (
    <time dateTime={iso} title={full} className={className}>
      {new Intl.DateTimeFormat(undefined, FORMATS[format]).format(date)}
    </time>
  );
}
