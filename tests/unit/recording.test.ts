import { describe, expect, it } from "vitest";
import type { ModerationEntryDto } from "@/lib/contracts/dto";
import { parseByteRange } from "@/lib/domain/byte-range";
import { isRecorded, isRecorderIdentity, needsConsentPrompt, RECORDER_IDENTITY_PREFIX, retentionCutoff } from "@/lib/domain/recording";
import { buildTimeline } from "@/lib/domain/replay-timeline";
import { clip, Mixer, mixInto, SAMPLE_RATE } from "@/lib/recording/mixer";

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
      durationMs: 60_000,
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

  it("adds voices and clips at the 16-bit range instead of wrapping", () => {
    const sum = new Int32Array(3);
    mixInto(sum, Int16Array.from([30000, -30000, 100]));
    mixInto(sum, Int16Array.from([30000, -30000, 100]));
    expect(Array.from(clip(sum))).toEqual([32767, -32768, 200]);
  });

  it("writes exactly as many samples as time passed, silence when nobody speaks", () => {
    const mixer = new Mixer();
    expect(mixer.advance(100).length).toBe(4800);
    expect(mixer.advance(100).length).toBe(0);
    expect(mixer.advance(1000).length).toBe(43_200);
    expect(mixer.durationMs).toBe(1000);
  });

  it("holds a speaker back until a jitter buffer filled, then plays them without gaps", () => {
    const mixer = new Mixer();
    mixer.push("a", tone(100, 8000));
    expect(mixer.advance(50).some((s) => s !== 0)).toBe(false); // 100 ms buffered: not yet
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

  it("notes when each speaker talked, bridging short pauses", () => {
    const mixer = new Mixer();
    let t = 0;
    const step = (ms: number, loud: boolean) => {
      mixer.push("a", tone(ms, loud ? 8000 : 0));
      t += ms;
      mixer.advance(t);
    };
    step(200, true); // primes the buffer
    for (let i = 0; i < 10; i++) step(100, true);
    step(200, false); // a short pause: same segment
    for (let i = 0; i < 5; i++) step(100, true);
    for (let i = 0; i < 10; i++) step(100, false); // a long one: the segment ends
    const segments = mixer.segments();
    expect(segments).toHaveLength(1);
    expect(segments[0]!.participantId).toBe("a");
    expect(segments[0]!.endMs - segments[0]!.startMs).toBeGreaterThan(1500);
    expect(segments[0]!.endMs - segments[0]!.startMs).toBeLessThan(2000);
  });
});
