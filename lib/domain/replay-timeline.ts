import type { ModerationEntryDto } from "../contracts/dto";
import type { TimelineItem } from "../contracts/recording";

export interface TimelineInput {
  startedAt: Date;
  /**
   * From the recording's start to its stop, by the clock: what happened in it is on the timeline,
   * even after the file's last sample (the file stops short of the stop by its jitter buffer).
   */
  spanMs: number;
  segments: { participantId: string; startMs: number; endMs: number }[];
  names: Map<string, string>;
  messages: { id: string; senderName: string; body: string; createdAt: string }[];
  entries: ModerationEntryDto[];
  hands: { participantId: string; raised: boolean; byName: string | null; createdAt: Date }[];
}

/**
 * One timeline for a replay: who spoke when, chat, hands, and moderation
 * events (role changes, mutes, removals, the recording's own start and stop), each
 * placed by its offset from the recording's start. Whatever happened outside
 * the recording is left out: there is nothing to seek to.
 */
export function buildTimeline(input: TimelineInput): TimelineItem[] {
  const offset = (iso: string) => new Date(iso).getTime() - input.startedAt.getTime();
  const inside = (ms: number) => ms >= 0 && ms <= input.spanMs;
  const items: TimelineItem[] = [
    ...input.segments.map((s) => ({
      kind: "speech" as const,
      atMs: s.startMs,
      endMs: s.endMs,
      participantId: s.participantId,
      name: input.names.get(s.participantId) ?? "someone",
    })),
    ...input.messages.map((m) => ({ kind: "message" as const, atMs: offset(m.createdAt), messageId: m.id, name: m.senderName, body: m.body })),
    ...input.entries.map((entry) => ({ kind: "event" as const, atMs: offset(entry.createdAt), entry })),
    ...input.hands.map((h) => ({
      kind: "hand" as const,
      atMs: offset(h.createdAt.toISOString()),
      participantId: h.participantId,
      name: input.names.get(h.participantId) ?? "someone",
      raised: h.raised,
      by: h.byName,
    })),
  ];
  // Stable: items at the same moment keep speech, chat, event, hand order.
  return items.filter((i) => inside(i.atMs)).sort((a, b) => a.atMs - b.atMs);
}
