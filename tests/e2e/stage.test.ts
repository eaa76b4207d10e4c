import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chatMessage,
  hostAndGuest,
  hostCall,
  joinLink,
  launchChromium,
  newPerson,
  ownName,
  sendChat,
  setRole,
  waitConnected,
  type Person,
} from "../support/browser";
import { startServer, type TestServer } from "../support/server";

// The stage-first call page: stage grid, "N listening", hideable chat, the phone's control bar, chat polish.
let server: TestServer;
let browser: Browser;
const people: Person[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});

afterAll(async () => {
  await Promise.all(people.map((p) => p.context.close()));
  await browser?.close();
  await server?.stop();
});

async function person(viewport?: { width: number; height: number }): Promise<Person> {
  const p = await newPerson(browser, server.url, viewport);
  people.push(p);
  return p;
}

const stageTiles = (page: Page) => page.getByRole("region", { name: /^On stage/ }).getByRole("listitem");

describe("the stage comes first", () => {
  it("shows the stage as avatars with role and mic state, N listening beside the title, and a chat that can be hidden", async () => {
    const host = await person();
    const [a, b] = [await person(), await person()];
    const link = await hostCall(host, "Stage night");
    const aName = await joinLink(a, link);
    await joinLink(b, link);

    // Two listening, beside the title, for everyone.
    await a.page.locator("header").getByText("2 listening", { exact: true }).waitFor();
    await setRole(host.page, aName, "speaker");
    await a.page.locator("header").getByText("1 listening", { exact: true }).waitFor();

    // The stage: the host and the new speaker as tiles, each with initials, role and a red muted badge.
    const tiles = stageTiles(b.page);
    await expect.poll(() => tiles.count()).toBe(2);
    const speakerTile = tiles.filter({ hasText: aName });
    await speakerTile.getByText("speaker", { exact: true }).waitFor();
    expect(await speakerTile.locator("title", { hasText: "muted" }).count()).toBe(1);
    const badge = speakerTile.locator("span:has(> svg > title)").first();
    const [r, g, bl] = await backgroundRgb(badge);
    expect(r).toBeGreaterThan(180); // red: muted
    expect(Math.max(g, bl)).toBeLessThan(80);
    const hostTile = tiles.filter({ hasText: "host" });
    await hostTile.getByText("admin", { exact: true }).waitFor();
    // Distinct colours per person (the same person always gets theirs).
    const colours = await tiles
      .locator("span[aria-hidden]")
      .evaluateAll((els) => els.filter((e) => /^[A-Z?]{1,2}$/.test(e.textContent ?? "")).map((e) => getComputedStyle(e).backgroundColor));
    expect(colours).toHaveLength(2);

    // The chat is a side panel that can be hidden and shown again, by keyboard too.
    const chat = b.page.getByRole("region", { name: "Chat", exact: true });
    await chat.waitFor();
    await b.page.getByRole("button", { name: "Hide chat" }).focus();
    await b.page.keyboard.press("Enter");
    await chat.waitFor({ state: "hidden" });
    await b.page.getByRole("button", { name: "Show chat" }).focus();
    await b.page.keyboard.press("Enter");
    await chat.waitFor();

    // A volume per speaker, remembered by this browser across a reload.
    const hostName = await ownName(host.page);
    const slider = b.page.getByRole("slider", { name: `Volume for ${hostName}` });
    await slider.fill("0.3");
    await b.page.reload();
    await waitConnected(b.page);
    await expect.poll(() => b.page.getByRole("slider", { name: `Volume for ${hostName}` }).inputValue()).toBe("0.3");
    expect(await b.page.getByRole("slider", { name: /^Volume for/ }).count()).toBe(2); // not for themselves: they are not on stage

    // Keyboard: H raises the hand, ? lists the shortcuts (with push-to-talk), Escape closes the list.
    await b.page.locator("body").press("h");
    await b.page.getByRole("button", { name: "Lower hand" }).waitFor();
    await b.page.locator("body").press("h");
    await b.page.getByRole("button", { name: "Raise hand" }).waitFor();
    await b.page.locator("body").press("?");
    const list = b.page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await list.getByText("Mute or unmute your microphone (speakers and admins)").waitFor();
    await list.getByRole("checkbox", { name: "Push to talk (hold Space to speak)" }).waitFor();
    await b.page.keyboard.press("Escape");
    await list.waitFor({ state: "hidden" });
    // Typing in a field is not a shortcut.
    await b.page.getByRole("searchbox", { name: "Search the audience" }).fill("h");
    expect(await b.page.getByRole("button", { name: "Raise hand" }).count()).toBe(1);

    // The admin may ask for a chime when a hand goes up; the choice is remembered.
    const chime = host.page.getByRole("checkbox", { name: "Chime when a hand goes up" });
    await chime.check();
    await host.page.reload();
    await waitConnected(host.page);
    await expect.poll(() => host.page.getByRole("checkbox", { name: "Chime when a hand goes up" }).isChecked()).toBe(true);
    for (const p of [host, a, b]) expect(p.errors).toEqual([]);
  });

  it("on a phone: a control bar at the bottom with hand, chat and leave; chat opens as a sheet; dark mode", async () => {
    const host = await person();
    const phone = await person({ width: 390, height: 844 });
    const link = await hostCall(host, "Pocket stage");
    await phone.page.emulateMedia({ colorScheme: "dark" });
    await joinLink(phone, link);

    const bar = phone.page.getByRole("navigation", { name: "Call controls" });
    await bar.getByRole("button", { name: "Raise hand" }).waitFor();
    await bar.getByRole("button", { name: "Leave" }).waitFor();
    const box = await bar.boundingBox();
    expect(box!.y + box!.height).toBeCloseTo(844, 0); // pinned to the bottom
    // One of each: the desktop places of these controls are hidden on a phone.
    expect(await phone.page.getByRole("button", { name: "Raise hand" }).count()).toBe(1);
    expect(await phone.page.getByRole("button", { name: "Leave", exact: true }).count()).toBe(1);

    // The chat is closed until asked for; a message arriving meanwhile shows as a count on its button.
    const chat = phone.page.getByRole("region", { name: "Chat", exact: true });
    expect(await chat.isVisible()).toBe(false);
    await sendChat(host.page, "Can everyone hear me?");
    await bar.getByRole("button", { name: /^Chat\s*1( new)?$/ }).waitFor();
    await bar.getByRole("button", { name: /^Chat/ }).click();
    await chatMessage(phone.page, "Can everyone hear me?").waitFor();
    await phone.page.getByRole("button", { name: "Hide chat" }).click();
    await chat.waitFor({ state: "hidden" });

    // Raising the hand from the bar works as anywhere.
    await bar.getByRole("button", { name: "Raise hand" }).click();
    await bar.getByRole("button", { name: "Lower hand" }).waitFor();

    // Dark mode: the page and the bar are dark.
    expect(luminance(await backgroundRgb(phone.page.locator("body")))).toBeLessThan(0.15);
    expect(luminance(await backgroundRgb(bar))).toBeLessThan(0.2);
    expect(phone.errors).toEqual([]);
  });
});

describe("going on stage", () => {
  it("an invitation from the audience asks first; Not now leaves them, Accept puts them on stage; the admin sees each answer", async () => {
    const { host, guest, guestName } = await hostAndGuest(person, "Open mic");

    const invite = host.page.getByRole("button", { name: `Invite ${guestName} to the stage` });
    await invite.click();
    const prompt = guest.page.getByRole("region", { name: "Join the stage as a speaker?" });
    await prompt.waitFor();
    await host.page
      .getByRole("region", { name: /^Audience/ })
      .getByText("invited…")
      .waitFor();
    await prompt.getByRole("button", { name: "Not now" }).click();
    await prompt.waitFor({ state: "detached" });
    await host.page.getByRole("status").getByText(`${guestName} said not now to joining the stage.`).waitFor();

    await invite.click();
    await prompt.getByRole("button", { name: "Accept" }).click();
    await stageTiles(host.page).filter({ hasText: guestName }).waitFor();
    await host.page.getByRole("status").getByText(`${guestName} accepted: they are on the stage now.`).waitFor();
    await stageTiles(guest.page)
      .filter({ hasText: `${guestName}(you)` })
      .getByText("speaker", { exact: true })
      .waitFor();
    expect(host.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
  });
});

describe("reactions", () => {
  it("float over everyone's stage; on a phone they are in the control bar", async () => {
    const host = await person();
    const phone = await person({ width: 390, height: 844 });
    const link = await hostCall(host, "Applause");
    await joinLink(phone, link);
    await host.page.getByRole("button", { name: "React with applause" }).click();
    await phone.page.getByTestId("floating-reactions").getByText("👏").first().waitFor({ state: "attached" });
    await phone.page.getByRole("navigation", { name: "Call controls" }).getByRole("button", { name: "React" }).click();
    await phone.page.getByRole("button", { name: "React with celebration" }).click();
    await host.page.getByTestId("floating-reactions").getByText("🎉").first().waitFor({ state: "attached" });
    // Never in the chat.
    expect(await host.page.getByRole("region", { name: "Chat messages" }).getByText("🎉").count()).toBe(0);
    expect(host.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});

describe("chat", () => {
  it("links are clickable and safe, one person's messages are grouped, listeners see how to get chat rights", async () => {
    const host = await person();
    const listener = await person();
    const link = await hostCall(host, "Links");
    await joinLink(listener, link);

    await sendChat(host.page, "Setlist: https://example.org/setlist?night=1.");
    await sendChat(host.page, "And a second line from me");
    await sendChat(host.page, "javascript:alert(1) stays text");

    const anchor = listener.page.getByRole("link", { name: "https://example.org/setlist?night=1" });
    await anchor.waitFor();
    expect(await anchor.getAttribute("href")).toBe("https://example.org/setlist?night=1");
    expect(await anchor.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(await anchor.getAttribute("target")).toBe("_blank");
    await chatMessage(listener.page, "javascript:alert(1) stays text").waitFor();
    expect(await listener.page.getByRole("region", { name: "Chat messages" }).getByRole("link").count()).toBe(1);

    // Grouped: the host's name is shown once above their three messages (screen readers still hear it on each).
    const hostName = await ownName(host.page);
    const visibleNames = await listener.page
      .getByRole("region", { name: "Chat messages" })
      .getByText(hostName, { exact: true })
      .evaluateAll((els) => els.filter((e) => !e.closest(".sr-only") && !e.classList.contains("sr-only")).length);
    expect(visibleNames).toBe(1);

    // The admin removes a message: it goes for everyone, replaced by a note; the log says so.
    await host.page
      .getByRole("button", { name: `Remove message by ${hostName}` })
      .nth(1)
      .click();
    await host.page.getByRole("dialog", { name: "Remove this message for everyone?" }).getByRole("button", { name: "Remove message", exact: true }).click();
    await listener.page.getByText("Message removed by an admin").waitFor();
    expect(await listener.page.getByText("And a second line from me").count()).toBe(0);
    await host.page.getByRole("button", { name: /^Admin panel/ }).click();
    await host.page.getByRole("complementary", { name: "Admin panel" }).getByText(`removed a message by ${hostName}`).waitFor();

    // A listener: no composer, no "Say hello!", a sentence on how to get chat rights.
    await listener.page.getByText(/you can read the chat but not write in it\. Raise your hand to ask the admins for chat rights/).waitFor();
    expect(await listener.page.getByLabel("Message", { exact: true }).count()).toBe(0);
    expect(host.errors).toEqual([]);
    expect(listener.errors).toEqual([]);
  });
});

/** A background colour as sRGB 0..255, whatever notation Chromium reports (lab(), oklch(), rgb()): drawn on a canvas and read back. */
function backgroundRgb(target: Locator): Promise<[number, number, number]> {
  return target.evaluate((el) => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = getComputedStyle(el).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  });
}

const luminance = ([r, g, b]: [number, number, number]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
