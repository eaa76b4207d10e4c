import type { Browser } from "playwright-core";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatMessage, hostCall, joinByPasting, launchChromium, newPerson, ownName, sendChat, setRole, waitConnected } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

const LISTENER_NOTE = "You are a listener: you can read the chat but not write in it. Raise your hand to ask the admins for chat rights or a turn on stage.";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // Generous chat limits: the history test seeds many messages at once.
  [server, browser] = await Promise.all([startServer({ env: { CHAT_RATE_PER_SEC: "1000", CHAT_BURST: "1000" } }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a call in two browsers", () => {
  it("host and guest chat; promoting the guest enables their chat live; a reload keeps the guest's name", async () => {
    const host = await newPerson(browser, server.url);
    const guest = await newPerson(browser, server.url);
    const link = await hostCall(host, "Friday listening party");
    await expect.poll(() => host.page.getByRole("heading", { level: 1 }).innerText()).toBe("Friday listening party");

    await joinByPasting(guest, link);
    const guestName = await ownName(guest.page);
    expect(guestName).toMatch(/^pleb-[a-z]+$/);

    // A listener gets no composer they cannot use, but how to get chat rights.
    const guestInput = guest.page.getByLabel("Message", { exact: true });
    await guest.page.getByText(LISTENER_NOTE).waitFor();
    expect(await guestInput.count()).toBe(0);
    expect(await guest.page.getByText("Say hello!").count()).toBe(0);

    await sendChat(host.page, "Welcome, everyone!");
    await chatMessage(guest.page, "Welcome, everyone!").waitFor();

    // The host sees the guest arrive in the audience, then promotes them.
    await setRole(host.page, guestName, "chatter");
    await expect.poll(() => guestInput.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await guest.page.getByText(LISTENER_NOTE).count()).toBe(0);

    await sendChat(guest.page, "Thanks, happy to be here");
    await chatMessage(host.page, "Thanks, happy to be here").waitFor();
    await sendChat(host.page, "First track starts in two minutes.\nGrab a drink.");
    await chatMessage(guest.page, "First track starts in two minutes.\nGrab a drink.").waitFor();

    await guest.page.reload();
    await waitConnected(guest.page);
    expect(await ownName(guest.page)).toBe(guestName);
    await chatMessage(guest.page, "Welcome, everyone!").waitFor();
    expect(await guestInput.isEnabled()).toBe(true);

    await host.page.getByRole("button", { name: "Copy link" }).click();
    await host.page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await host.page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    expect(host.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
    await Promise.all([host.context.close(), guest.context.close()]);
  });

  it("the host ends the call and the guest is told", async () => {
    const host = await newPerson(browser, server.url);
    const guest = await newPerson(browser, server.url);
    const link = await hostCall(host, "Short one");
    await joinByPasting(guest, link);

    await host.page.getByRole("button", { name: "End call" }).click();
    await host.page.getByRole("button", { name: "End call for everyone" }).click();
    await guest.page.getByRole("heading", { name: "This call has ended" }).waitFor();
    await host.page.getByRole("heading", { name: "This call has ended" }).waitFor();
    // Who ended it and how long it ran; nothing to act on (no composer, no Copy link); guests get no history link (accounts do).
    const hostName = await ownName(host.page);
    await guest.page.getByText(new RegExp(`^Ended by ${hostName} after \\d+ s\\.$`)).waitFor();
    expect(await guest.page.getByLabel("Message", { exact: true }).count()).toBe(0);
    expect(await guest.page.getByRole("button", { name: "Copy link" }).count()).toBe(0);
    expect(await guest.page.getByRole("link", { name: "Read its history" }).count()).toBe(0);

    // Opened again later, the page still says who ended it and how long it ran; still nothing to act on.
    await guest.page.reload();
    await guest.page.getByRole("heading", { name: "This call has ended" }).waitFor();
    await guest.page.getByText(new RegExp(`^Ended by ${hostName} after \\d+ s\\.$`)).waitFor();
    expect(await guest.page.getByLabel("Message", { exact: true }).count()).toBe(0);
    expect(await guest.page.getByRole("link", { name: "Read its history" }).count()).toBe(0);
    await Promise.all([host.context.close(), guest.context.close()]);
  });
});

describe("chat that survives the network", () => {
  it("a message written while offline shows as pending and is delivered once when the network is back", async () => {
    const host = await newPerson(browser, server.url);
    const guest = await newPerson(browser, server.url);
    const link = await hostCall(host, "Flaky wifi", "chatter");
    await joinByPasting(guest, link);

    await guest.context.setOffline(true);
    await guest.page
      .getByRole("status")
      .filter({ hasText: /^Offline$/ })
      .waitFor();
    await sendChat(guest.page, "written in a tunnel");
    await guest.page.getByText("will send when reconnected").waitFor();

    await guest.context.setOffline(false);
    await waitConnected(guest.page);
    await chatMessage(host.page, "written in a tunnel").waitFor();
    await chatMessage(guest.page, "written in a tunnel").waitFor();
    expect(await guest.page.getByText("will send when reconnected").count()).toBe(0);
    await host.page.waitForTimeout(300);
    expect(await host.page.getByText("written in a tunnel", { exact: true }).count()).toBe(1);

    const guestName = await ownName(guest.page);
    const inAudience = host.page.getByRole("region", { name: /^Audience/ }).getByText(guestName, { exact: true });
    await inAudience.waitFor();
    await guest.page.getByRole("button", { name: "Leave" }).click();
    await guest.page.waitForURL(`${server.url}/`);
    await inAudience.waitFor({ state: "detached" });
    await Promise.all([host.context.close(), guest.context.close()]);
  });
});

describe("chat history", () => {
  it("loads older pages when scrolled to the top, keeping the view still, and offers a jump to new messages", async () => {
    const seeded = await seedCall(70);
    const reader = await newPerson(browser, server.url);
    await reader.page.goto(`/call/${seeded.callId}`);
    await waitConnected(reader.page);
    const scroller = reader.page.getByRole("region", { name: "Chat messages" });
    await chatMessage(reader.page, "seed 69").waitFor();
    expect(await reader.page.getByText("seed 0", { exact: true }).count()).toBe(0);

    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await chatMessage(reader.page, "seed 0").waitFor();
    await reader.page.getByText("Start of the chat").waitFor();
    // The messages that were on screen stay there: the page went on top, not under the reader's eyes.
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);

    await seeded.send("a fresh one");
    await reader.page.getByRole("button", { name: /1 new message/ }).click();
    await chatMessage(reader.page, "a fresh one").waitFor();
    await expect.poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(80);
    await expect.poll(() => reader.page.getByRole("button", { name: /new message/ }).count()).toBe(0);
    seeded.close();
    await reader.context.close();
  });
});

describe("joining from the splash page", () => {
  it("explains a pasted text that is not a call, and a call that does not exist", async () => {
    const person = await newPerson(browser, server.url);
    const { page } = person;
    await page.goto("/");
    const field = page.getByLabel("Call link or ID");
    await field.fill("hello world");
    await page.getByRole("button", { name: "Join", exact: true }).click();
    await page.getByText("That doesn't look like an Earshot link or call ID").waitFor();

    await field.fill("no-such-call");
    await page.getByRole("button", { name: "Join", exact: true }).click();
    await page.getByText("No call called “no-such-call” exists").waitFor();

    await page.goto("/call/No-Such-Call");
    await page.waitForURL(/\/call\/no-such-call$/);
    await page.getByRole("heading", { name: "No such call" }).waitFor();
    await page.getByRole("link", { name: "Back to Earshot home" }).waitFor();

    await page.goto("/call/hello");
    await page.getByRole("heading", { name: "That is not a call link" }).waitFor();
    await person.context.close();
  });
});

/** A call whose host has said `count` things ("seed 0" …), with a way to say more. */
async function seedCall(count: number) {
  const res = await fetch(`${server.url}/api/calls`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ defaultRole: "listener" }),
  });
  const { call, credential } = (await res.json()) as { call: { id: string }; credential: string };
  const socket = io(server.url, { auth: { credential }, transports: ["websocket"] });
  let n = 0;
  const send = (body: string) => socket.timeout(5000).emitWithAck("chat:send", { clientId: `seed-${n++}`, body });
  for (let i = 0; i < count; i++) await send(`seed ${i}`);
  return { callId: call.id, send, close: () => socket.close() };
}
