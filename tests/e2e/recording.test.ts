import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatMessage, hostCall, joinByPasting, launchChromium, newPerson, ownName, sendChat, signUpInBrowser } from "../support/browser";
import { namespaceAddress } from "../support/netns";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  const host = namespaceAddress();
  server = await startServer({ host, localLiveKit: true });
  browser = await launchChromium({ fakeMedia: true, secureOrigins: [server.url] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("recording in the browser", () => {
  it("an admin records, a speaker consents, everyone sees it; the replay plays and a chat message seeks", async () => {
    const admin = await newPerson(browser, server.url);
    const speaker = await newPerson(browser, server.url);
    await signUpInBrowser(admin, "Rec Host");
    await admin.page.waitForURL(`${server.url}/`);
    const link = await hostCall(admin, "Recorded talk", "speaker");
    const callId = new URL(link).pathname.split("/").at(-1)!;
    await joinByPasting(speaker, link);
    const speakerName = await ownName(speaker.page);

    await admin.page.getByRole("button", { name: /^Admin panel/ }).click();
    const panel = admin.page.getByRole("complementary", { name: "Admin panel" });
    await panel.getByRole("button", { name: "Start recording" }).click();

    // Everyone sees the indicator; the speaker is asked, says yes, and the stage shows it.
    for (const p of [admin, speaker]) await p.page.getByTestId("recording-indicator").waitFor();
    const question = speaker.page.getByRole("alertdialog", { name: "Include your voice in the recording?" });
    await question.waitFor();
    await question.getByRole("button", { name: "Yes, include me" }).click();
    await speaker.page.getByTestId("consent-state").filter({ hasText: "Your voice is being recorded." }).waitFor();
    await admin.page.getByTestId("recorded-list").filter({ hasText: speakerName }).waitFor();

    // Someone who looks the call up before joining is told it is being recorded.
    const newcomer = await newPerson(browser, server.url);
    await newcomer.page.goto("/");
    await newcomer.page.getByLabel("Call link or ID").fill(link);
    await newcomer.page.getByRole("button", { name: "Join", exact: true }).click();
    await newcomer.page.getByText("This call is being recorded.").waitFor();
    await newcomer.page.getByRole("button", { name: "Join anyway" }).waitFor();

    await sleep(2000);
    await sendChat(speaker.page, "Remember this moment");
    await chatMessage(admin.page, "Remember this moment").waitFor();
    await sleep(2000);
    await panel.getByRole("button", { name: "End call" }).click();
    await admin.page.getByRole("button", { name: "End call for everyone" }).click();
    await admin.page.getByRole("heading", { name: "This call has ended" }).waitFor();

    await admin.page.goto(`/calls/${callId}/history`);
    const replay = admin.page.getByRole("region", { name: "Replay" });
    await replay.waitFor();
    const audio = replay.getByTestId("replay-audio");
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.duration), { timeout: 15_000 }).toBeGreaterThan(3);

    const message = replay.getByRole("list", { name: "Timeline" }).getByRole("button").filter({ hasText: "Remember this moment" });
    const atMs = Number(await message.getAttribute("data-at-ms"));
    expect(atMs).toBeGreaterThan(1000);
    await message.click();
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 5000 }).toBeGreaterThanOrEqual(atMs / 1000 - 0.05);
    expect(await audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeLessThan(atMs / 1000 + 2);
    await replay.getByRole("link", { name: "Download" }).waitFor();

    expect(admin.errors).toEqual([]);
    expect(speaker.errors).toEqual([]);
    await Promise.all([admin.context.close(), speaker.context.close(), newcomer.context.close()]);
  });
});
