import { describe, expect, it } from "vitest";
import { endCall } from "@/lib/services/end-call";
import { setRecording, setRecordingConsent, stopAllRecordings } from "@/lib/services/recording-control";
import { expireRecordings, recoverInterruptedRecordings } from "@/lib/services/recording-retention";
import { deleteRecording, listReplays, recordingFile } from "@/lib/services/replays";
import { sendMessage } from "@/lib/services/send-message";
import { callWorld, codeOf } from "./world";

describe("recording", () => {
  it("an admin starts it once with the consenting speakers, everyone is told, and stopping logs the end", async () => {
    const w = await callWorld();
    const speaker = await w.join("speaker");
    await setRecordingConsent(w.deps, speaker, "yes");
    expect((await setRecording(w.deps, w.host, true)).recording).toBe(true);
    expect((await setRecording(w.deps, w.host, true)).recording).toBe(true);
    expect(w.recorder.running.get(w.callId)?.speakers).toEqual([speaker.participantId]);
    expect(w.notifier.of("callUpdated")).toHaveLength(1);
    expect((await setRecording(w.deps, w.host, false)).recording).toBe(false);
    expect(w.db.moderation.map((e) => e.action).filter((a) => a.startsWith("recording"))).toEqual(["recording-on", "recording-off"]);
    expect([...w.db.recordings.values()].map((r) => r.status)).toEqual(["stopped"]);
  });

  it("a replay's timeline runs to the recording's stop, past the file's last sample (the jitter buffer is never written)", async () => {
    const w = await callWorld();
    await setRecording(w.deps, w.host, true);
    w.clock.advance(5000); // the fake recorder's file is 1 s long
    await setRecording(w.deps, w.host, false);
    const { replays } = await listReplays(w.deps, w.accounts, w.callId, { caller: w.host, user: null });
    expect(replays[0]!.timeline.map((i) => [i.atMs, i.kind === "event" && i.entry.action])).toEqual([
      [0, "recording-on"],
      [5000, "recording-off"],
    ]);
  });

  it("a withdrawal takes the speaker out of a running recording at once", async () => {
    const w = await callWorld();
    const speaker = await w.join("speaker");
    await setRecordingConsent(w.deps, speaker, "yes");
    await setRecording(w.deps, w.host, true);
    expect((await setRecordingConsent(w.deps, speaker, "no")).recordingConsent).toBe("no");
    expect(w.recorder.running.get(w.callId)?.speakers).toEqual([]);
  });

  it("is for admins, and unavailable without a recorder; ending the call or shutting down stops it", async () => {
    const w = await callWorld();
    const speaker = await w.join("speaker");
    expect(await codeOf(setRecording(w.deps, speaker, true))).toBe("FORBIDDEN");
    w.recorder.unavailableBecause = "Recording is unavailable: no ffmpeg.";
    expect(await codeOf(setRecording(w.deps, w.host, true))).toBe("RECORDING_UNAVAILABLE");
    w.recorder.unavailableBecause = null;
    await setRecording(w.deps, w.host, true);
    await stopAllRecordings(w.deps);
    expect(w.recorder.activeCalls()).toEqual([]);
    await setRecording(w.deps, w.host, true);
    await endCall(w.deps, w.host);
    expect([...w.db.recordings.values()].map((r) => r.status)).toEqual(["stopped", "stopped"]);
  });

  it("replays: members list them with one timeline; only admins download or delete; deleted stays listed", async () => {
    const w = await callWorld({ defaultRole: "chatter" });
    const guest = await w.join();
    await setRecording(w.deps, w.host, true);
    await sendMessage(w.deps, guest, { clientId: "c", body: "on the record" });
    await setRecording(w.deps, w.host, false);
    const [recording] = [...w.db.recordings.values()];
    w.files.files.set(recording!.file, 1234);
    const asGuest = await listReplays(w.deps, w.accounts, w.callId, { caller: guest, user: null });
    expect(asGuest.canManage).toBe(false);
    expect(asGuest.replays[0]!.timeline.some((t) => t.kind === "message" && t.body === "on the record")).toBe(true);
    expect((await recordingFile(w.deps, w.accounts, w.callId, recording!.id, { caller: guest, user: null }, false)).size).toBe(1234);
    expect(await codeOf(recordingFile(w.deps, w.accounts, w.callId, recording!.id, { caller: guest, user: null }, true))).toBe("FORBIDDEN");
    expect(await codeOf(deleteRecording(w.deps, w.accounts, w.callId, recording!.id, { caller: guest, user: null }))).toBe("FORBIDDEN");
    await deleteRecording(w.deps, w.accounts, w.callId, recording!.id, { caller: w.host, user: null });
    expect(w.files.files.size).toBe(0);
    expect((await listReplays(w.deps, w.accounts, w.callId, { caller: w.host, user: null })).replays[0]!.recording).toMatchObject({
      status: "deleted",
      audioUrl: null,
    });
    expect(await codeOf(recordingFile(w.deps, w.accounts, w.callId, recording!.id, { caller: w.host, user: null }, false))).toBe("RECORDING_NOT_FOUND");
  });

  it("keeps the segments saved while recording: a stop adds the rest once, a crash keeps them", async () => {
    const w = await callWorld();
    const [a, b] = ["speaker-a", "speaker-b"];
    await setRecording(w.deps, w.host, true);
    const recorder = w.recorder.running.get(w.callId)!;
    await recorder.saveSegments([
      { participantId: a, startMs: 0, endMs: 900 },
      { participantId: b, startMs: 500, endMs: 2000 }, // still talking
    ]);
    await recorder.saveSegments([{ participantId: b, startMs: 500, endMs: 4000 }]);
    w.recorder.unsavedAtStop = [
      { participantId: b, startMs: 500, endMs: 4600 },
      { participantId: a, startMs: 5000, endMs: 6000 },
    ];
    await setRecording(w.deps, w.host, false);
    const [stopped] = [...w.db.recordings.values()];
    expect(await w.deps.recordings.listSegments(stopped!.id)).toEqual([
      { participantId: a, startMs: 0, endMs: 900 },
      { participantId: b, startMs: 500, endMs: 4600 },
      { participantId: a, startMs: 5000, endMs: 6000 },
    ]);

    // The process dies mid-way: no stop ever comes. A restart keeps what was saved and ends it at the file's last write.
    await setRecording(w.deps, w.host, true);
    const crashed = [...w.db.recordings.values()].find((r) => r.status === "recording")!;
    await w.recorder.running.get(w.callId)!.saveSegments([{ participantId: a, startMs: 1000, endMs: 3000 }]);
    w.files.files.set(crashed.file, 4096);
    w.files.modified.set(crashed.file, new Date(crashed.startedAt.getTime() + 3500));
    w.clock.advance(3_600_000); // down for an hour: not part of the recording
    await recoverInterruptedRecordings(w.deps);
    expect(w.db.recordings.get(crashed.id)).toMatchObject({ status: "interrupted", durationMs: 3500, endedAt: new Date(crashed.startedAt.getTime() + 3500) });
    expect(await w.deps.recordings.listSegments(crashed.id)).toEqual([{ participantId: a, startMs: 1000, endMs: 3000 }]);

    // With no file at all, the last saved segment is the last sign of it.
    await setRecording(w.deps, w.host, true);
    const lost = [...w.db.recordings.values()].find((r) => r.status === "recording")!;
    await w.recorder.running.get(w.callId)!.saveSegments([{ participantId: a, startMs: 200, endMs: 2500 }]);
    await recoverInterruptedRecordings(w.deps);
    expect(w.db.recordings.get(lost.id)).toMatchObject({ status: "interrupted", durationMs: 2500 });
  });

  it("retention deletes finished recordings past their days; a restart marks running ones interrupted", async () => {
    const w = await callWorld();
    await setRecording(w.deps, w.host, true);
    await setRecording(w.deps, w.host, false);
    w.clock.advance((w.deps.config.recordingRetentionDays + 1) * 86_400_000);
    await expireRecordings(w.deps);
    expect([...w.db.recordings.values()].map((r) => r.status)).toEqual(["deleted"]);
    expect(w.db.moderation.at(-1)).toMatchObject({ action: "recording-deleted", actorId: null });

    await setRecording(w.deps, w.host, true);
    await recoverInterruptedRecordings(w.deps);
    expect([...w.db.recordings.values()].map((r) => r.status)).toEqual(["deleted", "interrupted"]);
    expect(w.db.calls.get(w.callId)!.recordingId).toBeNull();
  });
});
