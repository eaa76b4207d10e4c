import { describe, expect, it } from "vitest";
import type { ModerationEntryDto } from "@/lib/contracts/dto";
import { parseByteRange } from "@/lib/domain/byte-range";
import { isRecorded, isRecorderIdentity, needsConsentPrompt, RECORDER_IDENTITY_PREFIX, retentionCutoff } from "@/lib/domain/recording";
import { buildTimeline } from "@/lib/domain/replay-timeline";
import { clip, Mixer, PRIME_MS, SAMPLE_RATE } from "@/lib/recording/mixer";
import type { SpeechSegment } from "@/lib/services/ports";

describe("consent rules", () => {
  it("records only someone who may speak and said yes", () => {
    expect(isRecorded({ role: "speaker", recordingConsent: "yes" })).toBe(true);
    expect(isRecorded({ role: "admin", recordingConsent: "yes" })).toBe(true);
    expect(isRecorded({ role: "speaker", recordingConsent: "no" })).toBe(false);
    expect(isRecorded({ role: "speaker", recordingConsent: null })).toBe(false);
    expect(isRecorded({ role: "listener", recordingConsent: "yes" })).toBe(false);
  });

  it("asks people on stage who have not answered, only while recording", () => {
    expect(needsConsentPrompt(true, { role: "speaker", recordingConsent: null })).toBe(true);
    expect(needsConsentPrompt(false, { role: "speaker", recordingConsent: null })).toBe(false);
    expect(needsConsentPrompt(true, { role: "speaker", recordingConsent: "no" })).toBe(false);
    expect(needsConsentPrompt(true, { role: "listener", recordingConsent: null })).toBe(false);
  });

  it("tells the recorder's identities apart from participants'", () => {
    expect(isRecorderIdentity(`${RECORDER_IDENTITY_PREFIX}abc`)).toBe(true);
    expect(isRecorderIdentity("3f1c0d8e-0000-4000-8000-000000000000")).toBe(false);
  });

  it("keeps recordings forever with 0 retention days", () => {
    const now = new Date("2026-03-10T00:00:00Z");
    expect(retentionCutoff(now, 0)).toBeNull();
    expect(retentionCutoff(now, 30)!.toISOString()).toBe("2026-02-08T00:00:00.000Z");
  });
});

describe("Range header parsing", () => {
  it.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=990-5000", { start: 990, end: 999 }],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=50-10", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=0-1,5-9", null],
    ["items=0-9", null],
    ["bytes=-", null],
  ] as const)("%s → %j", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });
});

describe("replay timeline", () => {
  const startedAt = new Date("2026-01-01T12:00:00Z");
  const at = (s: number) => new Date(startedAt.getTime() + s * 1000).toISOString();
  const entry = (id: string, s: number): ModerationEntryDto => ({
    id,
    callId: "c",
    actorId: "h",
    actorName: "host",
    targetId: "b",
    targetName: "pleb-b",
    action: "role",
    before: "listener",
    after: "speaker",
    createdAt: at(s),
  });

  it("puts speech, chat, events and hands on one time axis from the recording's start, leaving out what lies outside it", () => {
    const timeline = buildTimeline({
      startedAt,
      spanMs: 60_000,
      segments: [{ participantId: "a", startMs: 5000, endMs: 9000 }],
      names: new Map([["a", "pleb-a"]]),
      messages: [
        { id: "1", senderName: "pleb-b", body: "before", createdAt: at(-10) },
        { id: "2", senderName: "pleb-b", body: "hello", createdAt: at(3) },
        { id: "3", senderName: "pleb-b", body: "after", createdAt: at(90) },
      ],
      entries: [entry("7", 20)],
      hands: [
        { participantId: "a", raised: true, byName: null, createdAt: new Date(at(25)) },
        { participantId: "a", raised: false, byName: "host", createdAt: new Date(at(61)) },
      ],
    });
    expect(timeline).toEqual([
      { kind: "message", atMs: 3000, messageId: "2", name: "pleb-b", body: "hello" },
      { kind: "speech", atMs: 5000, endMs: 9000, participantId: "a", name: "pleb-a" },
      { kind: "event", atMs: 20_000, entry: entry("7", 20) },
      { kind: "hand", atMs: 25_000, participantId: "a", name: "pleb-a", raised: true, by: null },
    ]);
  });
});

describe("mixer", () => {
  const tone = (ms: number, amplitude: number) => Int16Array.from({ length: (SAMPLE_RATE / 1000) * ms }, (_, i) => Math.round(amplitude * Math.sin(i / 10)));
  const samples = (ms: number) => (SAMPLE_RATE / 1000) * ms;

  it("adds voices and clips at the 16-bit range instead of wrapping", () => {
    const mixer = new Mixer();
    const loud = Int16Array.from({ length: samples(PRIME_MS) }, (_, i) => [30000, -30000, 100][i % 3]!);
    mixer.push("a", loud);
    mixer.push("b", loud);
    expect(Array.from(mixer.advance(PRIME_MS).subarray(0, 3))).toEqual([32767, -32768, 200]);
    expect(Array.from(clip(Int32Array.from([40000, -40000, 5])))).toEqual([32767, -32768, 5]);
  });

  it("writes exactly as many samples as time passed, silence when nobody speaks", () => {
    const mixer = new Mixer();
    expect(mixer.advance(100).length).toBe(samples(100));
    expect(mixer.advance(100).length).toBe(0);
    expect(mixer.advance(1000).length).toBe(samples(900));
    expect(mixer.durationMs).toBe(1000);
  });

  it("holds a speaker back until a jitter buffer filled, then plays them without gaps", () => {
    const mixer = new Mixer();
    mixer.push("a", tone(PRIME_MS - 50, 8000));
    expect(mixer.advance(50).some((s) => s !== 0)).toBe(false); // not enough buffered yet
    mixer.push("a", tone(200, 8000));
    const out = mixer.advance(250);
    expect(out.some((s) => s !== 0)).toBe(true);
  });

  it("drops a speaker at once, with what was buffered", () => {
    const mixer = new Mixer();
    mixer.push("a", tone(400, 8000));
    mixer.drop("a");
    expect(mixer.advance(400).every((s) => s === 0)).toBe(true);
  });

  /** Feeds the mixer as the recorder does: `ms` of each speaker's audio (loud or silent), then a tick. */
  const talker = (mixer: Mixer) => {
    let t = 0;
    return (ms: number, loud: Record<string, boolean>) => {
      for (let done = 0; done < ms; done += 100) {
        for (const [speaker, on] of Object.entries(loud)) mixer.push(speaker, tone(100, on ? 8000 : 0));
        t += 100;
        mixer.advance(t);
      }
    };
  };

  it("notes when each speaker talked, bridging short pauses", () => {
    const mixer = new Mixer();
    const step = talker(mixer);
    step(1200, { a: true });
    step(200, { a: false }); // a short pause: same segment
    step(500, { a: true });
    step(1000, { a: false }); // a long one: the segment ends
    const segments = mixer.unsavedSegments();
    expect(segments).toHaveLength(1);
    expect(segments[0]!.participantId).toBe("a");
    expect(segments[0]!.endMs - segments[0]!.startMs).toBeGreaterThan(1500);
    expect(segments[0]!.endMs - segments[0]!.startMs).toBeLessThan(2000);
  });

  it("hands a closed segment to one save, and an open one to every save until it closes", () => {
    const mixer = new Mixer();
    const step = talker(mixer);
    step(1000, { a: true });
    const first = mixer.unsavedSegments();
    expect(first).toEqual([{ participantId: "a", startMs: expect.any(Number), endMs: expect.any(Number) }]);
    mixer.markSaved(first);
    step(1000, { a: true });
    const second = mixer.unsavedSegments();
    // The same segment (same speaker and start: the store updates it), longer.
    expect(second).toEqual([{ ...first[0]!, endMs: first[0]!.endMs + 1000 }]);
    mixer.markSaved(second);
    step(1000, { a: false });
    const closed = mixer.unsavedSegments();
    // Closed now, with the audio that was still in the jitter buffer.
    expect(closed).toEqual([{ ...second[0]!, endMs: expect.any(Number) }]);
    expect(closed[0]!.endMs - second[0]!.endMs).toBeGreaterThan(0);
    expect(closed[0]!.endMs - second[0]!.endMs).toBeLessThanOrEqual(PRIME_MS);
    mixer.markSaved(closed);
    expect(mixer.unsavedSegments()).toEqual([]);
  });

  it("hands a segment again when its save failed", () => {
    const mixer = new Mixer();
    const step = talker(mixer);
    step(1000, { a: true });
    step(1000, { a: false });
    const failed = mixer.unsavedSegments();
    expect(failed).toHaveLength(1);
    mixer.markSaved([]); // nothing reached the store
    expect(mixer.unsavedSegments()).toEqual(failed);
  });

  it("saved as it goes and finished at the stop, the timeline is the one a single save at the end would give", () => {
    const script: [number, Record<string, boolean>][] = [
      [1500, { a: true, b: false }],
      [800, { a: false, b: true }],
      [2600, { a: true, b: true }],
      [1200, { a: false, b: true }],
      [900, { a: true, b: false }],
    ];
    // Once: the whole timeline at the stop.
    const whole = new Mixer();
    const once = talker(whole);
    for (const [ms, loud] of script) once(ms, loud);
    whole.closeSegments();

    // Again, saving every 700 ms into a store keyed as the table is, then the rest at the stop.
    const store = new Map<string, SpeechSegment>();
    const save = (segments: SpeechSegment[]) => {
      for (const s of segments) store.set(`${s.participantId}@${s.startMs}`, s);
    };
    const mixer = new Mixer();
    const step = talker(mixer);
    let saves = 0;
    for (const [ms, loud] of script) {
      for (let done = 0; done < ms; done += 100) {
        step(100, loud);
        if ((done / 100) % 7 === 6) {
          const segments = mixer.unsavedSegments();
          save(segments);
          mixer.markSaved(segments);
          saves++;
        }
      }
    }
    mixer.closeSegments();
    save(mixer.unsavedSegments());

    expect(saves).toBeGreaterThan(5);
    const byStart = (x: SpeechSegment, y: SpeechSegment) => x.startMs - y.startMs || x.participantId.localeCompare(y.participantId);
    expect([...store.values()].sort(byStart)).toEqual(whole.unsavedSegments().sort(byStart));
    expect(store.size).toBeGreaterThan(2);
  });
});
