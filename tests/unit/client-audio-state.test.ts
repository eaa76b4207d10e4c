import { describe, expect, it } from "vitest";
import { type AudioEvent, audioReducer, audioStatusMessage, initialAudioState, microphoneErrorMessage } from "@/lib/client/audio-state";

const run = (...events: AudioEvent[]) => events.reduce(audioReducer, initialAudioState);
const speakerConnected: AudioEvent = { type: "connected", canPublish: true, micOn: false, playbackBlocked: false };

describe("audio reducer", () => {
  it("starts connecting and says so", () => {
    expect(initialAudioState.link).toBe("connecting");
    expect(audioStatusMessage(initialAudioState, 0).sentence).toBe("Connecting to voice…");
  });

  it("takes the grant from the media server, not from the role", () => {
    expect(run({ ...speakerConnected, canPublish: false }).canPublish).toBe(false);
    expect(run(speakerConnected).canPublish).toBe(true);
  });

  it("turns the microphone off when the grant goes (a demotion), and lets it on again only with a grant", () => {
    const on = run(speakerConnected, { type: "mic", on: true });
    expect(on.micOn).toBe(true);
    const demoted = audioReducer(on, { type: "permissions", canPublish: false });
    expect(demoted.micOn).toBe(false);
    expect(audioReducer(demoted, { type: "mic", on: true }).micOn).toBe(false);
    const promoted = audioReducer(demoted, { type: "permissions", canPublish: true });
    // Promotion shows the button; the person decides to speak.
    expect(promoted.micOn).toBe(false);
    expect(audioReducer(promoted, { type: "mic", on: true }).micOn).toBe(true);
  });

  it("keeps a microphone error until the microphone works", () => {
    const failed = run(speakerConnected, { type: "mic-error", message: "blocked" });
    expect(failed.micError).toBe("blocked");
    expect(failed.micOn).toBe(false);
    expect(audioReducer(failed, { type: "mic", on: false }).micError).toBe("blocked");
    expect(audioReducer(failed, { type: "mic", on: true }).micError).toBeNull();
  });

  it("shows reconnecting only from a live link, and back", () => {
    expect(run({ type: "reconnecting" }).link).toBe("connecting");
    const s = run(speakerConnected, { type: "reconnecting" });
    expect(s.link).toBe("reconnecting");
    expect(audioStatusMessage(s, 0).sentence).toMatch(/reconnecting/);
    expect(audioReducer(s, { type: "reconnected" }).link).toBe("connected");
  });

  it("drops the microphone and speakers when unavailable, with a countdown to the retry", () => {
    const s = run(speakerConnected, { type: "mic", on: true }, { type: "speakers", ids: ["a"] }, { type: "unavailable", retryAt: 10_000 });
    expect(s).toMatchObject({ link: "unavailable", micOn: false, speaking: [], retryAt: 10_000 });
    expect(audioStatusMessage(s, 7_500)).toEqual({ sentence: "Voice is unavailable right now; chat still works.", retry: "Retrying in 3 s." });
    expect(audioStatusMessage(s, 10_000).retry).toBe("Retrying…");
    // The sentence fits the person and the chat's state: a listener cannot write, and a chat that is down does not work.
    expect(audioStatusMessage(s, 7_500, "read").sentence).toBe("Voice is unavailable right now; you can still read the chat.");
    expect(audioStatusMessage(s, 7_500, "down").sentence).toBe("Voice is unavailable right now.");
  });

  it("says when the voice moved to another tab, and stays off until the page starts its audio again", () => {
    expect(audioStatusMessage(run(speakerConnected, { type: "elsewhere" }), 0).sentence).toMatch(/another tab/);
    const off = run(speakerConnected, { type: "off" });
    expect(audioStatusMessage(off, 0).sentence).toBe("Voice is off.");
    for (const e of [speakerConnected, { type: "unavailable", retryAt: 1 }, { type: "elsewhere" }, { type: "reconnected" }] as AudioEvent[]) {
      expect(audioReducer(off, e).link).toBe("off");
    }
    expect(audioReducer(off, { type: "connecting" }).link).toBe("connecting");
  });

  it("says whether the browser holds the sound back", () => {
    expect(audioStatusMessage(run(speakerConnected), 0).sentence).toBe("Voice connected.");
    expect(audioStatusMessage(run({ ...speakerConnected, playbackBlocked: true }), 0).sentence).toMatch(/holding the sound back/);
  });

  it("keeps the same state object when the speakers did not change (no re-render)", () => {
    const s = run({ type: "speakers", ids: ["a", "b"] });
    expect(audioReducer(s, { type: "speakers", ids: ["b", "a"] })).toBe(s);
    expect(audioReducer(s, { type: "speakers", ids: ["a"] }).speaking).toEqual(["a"]);
  });
});

describe("microphone errors", () => {
  it("explains each getUserMedia failure in a sentence", () => {
    expect(microphoneErrorMessage({ name: "NotAllowedError" })).toMatch(/blocking the microphone/);
    expect(microphoneErrorMessage({ name: "NotFoundError" })).toMatch(/No microphone/);
    expect(microphoneErrorMessage({ name: "NotReadableError" })).toMatch(/another application/);
    expect(microphoneErrorMessage({ name: "SecurityError" })).toMatch(/secure page/);
    expect(microphoneErrorMessage({ name: "Weird", message: "boom" })).toBe("The microphone could not be turned on: boom");
  });
});
