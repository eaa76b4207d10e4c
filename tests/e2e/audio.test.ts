import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatMessage, hostCall, joinByPasting, launchChromium, newPerson, ownName, sendChat, setRole, type Person } from "../support/browser";
import { namespaceAddress } from "../support/netns";
import { startServer, type TestServer } from "../support/server";

// Real audio end to end: the page's LiveKit client, the supervised LiveKit
// server and Chromium's fake microphone (a beep), inside the test namespace.
let server: TestServer;
let degraded: TestServer;
let browser: Browser;

beforeAll(async () => {
  const host = namespaceAddress();
  [server, degraded] = await Promise.all([
    startServer({ host, localLiveKit: true }),
    startServer({ host }), // its LIVEKIT_URL points at a closed port
  ]);
  browser = await launchChromium({ fakeMedia: true, secureOrigins: [server.url, degraded.url] });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), degraded?.stop()]);
});

/** A person whose page records its WebRTC connections, so the test can read their receive counters. */
async function personWithStats(): Promise<Person> {
  const person = await newPerson(browser, server.url);
  await person.context.addInitScript(() => {
    const w = window as unknown as { RTCPeerConnection: typeof RTCPeerConnection; __pcs: RTCPeerConnection[] };
    const Original = w.RTCPeerConnection;
    w.__pcs = [];
    w.RTCPeerConnection = class extends Original {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        w.__pcs.push(this);
      }
    };
  });
  return person;
}

/** Audio bytes this page has received over WebRTC so far (inbound-rtp, all connections). */
function inboundAudioBytes(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0;
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      (await pc.getStats()).forEach((s: { type: string; kind?: string; bytesReceived?: number }) => {
        if (s.type === "inbound-rtp" && s.kind === "audio") total += s.bytesReceived ?? 0;
      });
    }
    return total;
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const voiceStatus = (page: Page) => page.getByRole("region", { name: "Voice" }).getByRole("status");
/** The microphone's on/off button (not "Test your microphone", which speakers also have while muted). */
const micButton = (page: Page) => page.getByRole("button", { name: /^Turn microphone (on|off)$/ });
/**
 * Focus back on the page itself, off any control: Chromium may leave it a moment on the control of a
 * dialog just closed (until its next rendering update), where Space is that control's.
 */
const focusPage = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
/** A person's tile on the stage, as this page shows it. */
const stageTile = (page: Page, name: string) =>
  page
    .getByRole("region", { name: /On stage/ })
    .getByRole("listitem")
    .filter({ hasText: name });

describe("voice in the browser", () => {
  it("a listener hears a speaker, sees them speaking, and stops hearing them once demoted", async () => {
    const admin = await personWithStats();
    const speaker = await personWithStats();
    const listener = await personWithStats();
    const link = await hostCall(admin, "Radio hour");
    await joinByPasting(speaker, link);
    await joinByPasting(listener, link);
    const speakerName = await ownName(speaker.page);

    // Everyone reaches the audio room; listeners get no microphone, and a sentence why.
    for (const p of [admin, speaker, listener]) await voiceStatus(p.page).filter({ hasText: "Voice connected." }).waitFor({ timeout: 20_000 });
    expect(await micButton(listener.page).count()).toBe(0);
    await listener.page.getByText("You are a listener: you hear the stage. Only speakers and admins can use a microphone.").waitFor();

    // Promotion shows the microphone button without a reload; the person chooses to speak.
    await setRole(admin.page, speakerName, "speaker");
    await micButton(speaker.page).filter({ hasText: "Turn microphone on" }).waitFor({ timeout: 10_000 });
    // Before going live, a test with a level meter (the fake microphone's steady tone moves it); nobody hears it.
    await speaker.page.getByRole("button", { name: "Test your microphone" }).click();
    const testLevel = speaker.page.getByRole("meter", { name: "Microphone test level" });
    await expect.poll(async () => Number(await testLevel.getAttribute("aria-valuenow")), { timeout: 10_000 }).toBeGreaterThan(5);
    await speaker.page.getByRole("button", { name: "Stop the test" }).click();
    await micButton(speaker.page).click();
    await micButton(speaker.page).filter({ hasText: "Turn microphone off" }).waitFor({ timeout: 10_000 });
    // While talking, the speaker sees their own level.
    const ownLevel = speaker.page.getByRole("meter", { name: "Your microphone level" });
    await expect.poll(async () => Number(await ownLevel.getAttribute("aria-valuenow")), { timeout: 10_000 }).toBeGreaterThan(5);

    // Everyone sees the speaker unmuted (participant:updated), and the listener sees them speaking.
    const speakerRowOnListener = stageTile(listener.page, speakerName);
    await expect.poll(() => speakerRowOnListener.getByRole("img", { name: "muted" }).count(), { timeout: 10_000 }).toBe(0);
    await speakerRowOnListener.getByText("speaking", { exact: true }).waitFor({ timeout: 20_000 });
    if (process.env.EARSHOT_SCREENSHOTS) await screenshots(admin, speaker);

    // The listener's page keeps receiving audio.
    const a = await inboundAudioBytes(listener.page);
    await sleep(2000);
    const b = await inboundAudioBytes(listener.page);
    expect(b - a).toBeGreaterThan(4000); // Opus at ~32 kbit/s is ~8 kB in 2 s; silence frames would be far fewer

    // Demotion unpublishes the microphone on the server: the speaker's button goes, the listener's audio stops.
    await setRole(admin.page, speakerName, "listener");
    await expect.poll(() => micButton(speaker.page).count(), { timeout: 10_000 }).toBe(0);
    await sleep(1500); // packets in flight
    const c = await inboundAudioBytes(listener.page);
    await sleep(2000);
    const d = await inboundAudioBytes(listener.page);
    expect(d - c).toBeLessThan(500);
    // They move to the audience for everyone.
    await speakerRowOnListener.waitFor({ state: "detached" });
    const audienceRow = admin.page
      .getByRole("region", { name: /Audience/ })
      .getByRole("listitem")
      .filter({ hasText: speakerName });
    await audienceRow.waitFor();

    for (const p of [admin, speaker, listener]) expect(p.errors).toEqual([]);
    await Promise.all([admin, speaker, listener].map((p) => p.context.close()));
  });

  it("keeps chat working and says voice is unavailable when LiveKit cannot be reached", async () => {
    const person = await newPerson(browser, degraded.url);
    // Retries ask for a fresh token over the call's socket, never by joining again.
    let joins = 0;
    let tokenRequests = 0;
    person.page.on("request", (r) => void (r.method() === "POST" && /\/api\/calls\/[a-z-]+\/join$/.test(r.url()) && joins++));
    person.page.on("websocket", (ws) =>
      ws.on("framesent", (f) => void (typeof f.payload === "string" && f.payload.includes('"audio:token"') && tokenRequests++)),
    );
    await hostCall(person, "No voice today");
    const unavailable = voiceStatus(person.page).filter({ hasText: /Voice is unavailable right now; chat still works/ });
    await unavailable.waitFor({ timeout: 20_000 });
    await person.page.getByRole("button", { name: "Retry voice now" }).click();
    await expect.poll(() => tokenRequests, { timeout: 10_000 }).toBeGreaterThan(0);
    await unavailable.waitFor({ timeout: 20_000 });
    expect(joins).toBe(1);
    await person.page.getByLabel("Message", { exact: true }).fill("still here");
    await person.page.getByLabel("Message", { exact: true }).press("Enter");
    await person.page.getByRole("region", { name: "Chat", exact: true }).getByText("still here", { exact: true }).waitFor();
    expect(person.errors).toEqual([]);
    await person.context.close();
  });
});

describe("push-to-talk", () => {
  it("once switched on, holding Space puts the speaker's microphone on for everyone and letting go takes it off; not while typing, on a button, or once switched off", async () => {
    const admin = await personWithStats();
    const speaker = await newPerson(browser, server.url);
    const link = await hostCall(admin, "Hold to talk");
    await joinByPasting(speaker, link);
    const speakerName = await ownName(speaker.page);
    await setRole(admin.page, speakerName, "speaker");
    await micButton(speaker.page).filter({ hasText: "Turn microphone on" }).waitFor({ timeout: 20_000 });
    // What the admin sees of the speaker: the mic badge (the server's record, over the call's socket) and the speaking ring (LiveKit's).
    const tile = stageTile(admin.page, speakerName);
    const live = tile.getByRole("img", { name: "microphone on" });
    const muted = tile.getByRole("img", { name: "muted" });
    const speaking = tile.getByText("speaking", { exact: true });
    await muted.waitFor();
    const { keyboard } = speaker.page;

    // Switched on in the shortcuts list (opened with ?), which closes back to the page.
    await speaker.page.locator("body").press("?");
    const list = speaker.page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await list.getByRole("checkbox", { name: "Push to talk (hold Space to speak)" }).check();
    await speaker.page.keyboard.press("Escape");
    await list.waitFor({ state: "hidden" });
    await focusPage(speaker.page);

    // Held (the key repeats while held): on for the speaker, everyone sees it, and the admin receives the sound.
    await keyboard.down(" ");
    await keyboard.down(" ");
    await micButton(speaker.page).filter({ hasText: "Turn microphone off" }).waitFor({ timeout: 10_000 });
    await live.waitFor({ timeout: 10_000 });
    await speaking.waitFor({ timeout: 20_000 });
    await keyboard.down(" ");
    const a = await inboundAudioBytes(admin.page);
    await sleep(2000);
    expect((await inboundAudioBytes(admin.page)) - a).toBeGreaterThan(4000);
    expect(await micButton(speaker.page).innerText()).toBe("Turn microphone off"); // repeats do not toggle it

    // Let go: off for the speaker and for everyone, and LiveKit no longer hears them speak.
    await keyboard.up(" ");
    await micButton(speaker.page).filter({ hasText: "Turn microphone on" }).waitFor({ timeout: 10_000 });
    await muted.waitFor({ timeout: 10_000 });
    await speaking.waitFor({ state: "detached", timeout: 20_000 });

    /** Space held for a second where it must not talk: the microphone stays off for the speaker and for everyone. */
    const holdSpaceStaysMuted = async () => {
      await keyboard.down(" ");
      await sleep(1000); // an unmute of the published microphone shows within a few hundred milliseconds
      expect(await micButton(speaker.page).innerText()).toBe("Turn microphone on");
      expect(await muted.count()).toBe(1);
      await keyboard.up(" ");
    };
    // Typing in the chat box: Space is a space.
    const message = speaker.page.getByLabel("Message", { exact: true });
    await message.fill("hold");
    await holdSpaceStaysMuted();
    await keyboard.type("on");
    await message.press("Enter");
    await chatMessage(admin.page, "hold on").waitFor();
    // On a focused button: Space presses the button.
    await speaker.page.getByRole("button", { name: "Hide chat" }).focus();
    await holdSpaceStaysMuted();
    await speaker.page.getByRole("region", { name: "Chat", exact: true }).waitFor({ state: "hidden" });

    // Switched off again: Space on the page does nothing.
    await speaker.page.getByRole("button", { name: /^Keyboard shortcuts/ }).click();
    await list.getByRole("checkbox", { name: "Push to talk (hold Space to speak)" }).uncheck();
    await speaker.page.keyboard.press("Escape");
    await list.waitFor({ state: "hidden" });
    await focusPage(speaker.page);
    await holdSpaceStaysMuted();

    for (const p of [admin, speaker]) expect(p.errors).toEqual([]);
    await Promise.all([admin, speaker].map((p) => p.context.close()));
  });
});

const root = fileURLToPath(new URL("../..", import.meta.url));

/** EARSHOT_SCREENSHOTS=1 refreshes the README's screenshot (the admin's view while someone talks), plus others to look at (not committed). */
async function screenshots(admin: Person, speaker: Person): Promise<void> {
  mkdirSync(`${root}test-results`, { recursive: true });
  await sendChat(admin.page, "Welcome to Radio hour! Raise your hand if you want to join the stage.");
  await sendChat(speaker.page, "Thanks for having me on.");
  await chatMessage(admin.page, "Thanks for having me on.").waitFor();
  const page = admin.page;
  await page.getByText("speaking", { exact: true }).first().waitFor({ timeout: 20_000 });
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${root}docs/screenshot.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${root}test-results/call-dark.png` });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: `${root}test-results/call-375-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: `${root}test-results/call-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await speaker.page.screenshot({ path: `${root}test-results/call-speaker.png` });
}
