import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, uniqueEmail } from "../support/auth";
import { hostAndGuest, hostCall, joinLink, launchChromium, newPerson, ownName, setRole, signedInPerson, waitConnected, type Person } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

// What a first session with several browsers in one call ran into (issue 10's bug list), in the browser.
const SITE_ADMIN = uniqueEmail("sysop");
const PASSWORD = "correct horse battery";

let server: TestServer;
let browser: Browser;
const people: Person[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: { ADMIN_EMAILS: SITE_ADMIN, TRUST_PROXY: "true" } }), launchChromium()]);
  await signUp(server, { email: SITE_ADMIN, password: PASSWORD, name: "Sysop" }, "192.0.2.40");
});

afterAll(async () => {
  await Promise.all(people.map((p) => p.context.close()));
  await browser?.close();
  await server?.stop();
});

async function person(): Promise<Person> {
  const p = await newPerson(browser, server.url);
  people.push(p);
  return p;
}

async function openAdminPanel(page: Page) {
  await page.getByRole("button", { name: /^Admin panel/ }).click();
  return page.getByRole("complementary", { name: "Admin panel" });
}

describe("Remove and Ban in the browser", () => {
  it("Remove: one final screen, and the person comes back through the link; Ban: kept out", async () => {
    const host = await person();
    const [removed, banned] = [await person(), await person()];
    const link = await hostCall(host, "Two tools");
    const removedName = await joinLink(removed, link);
    const bannedName = await joinLink(banned, link);

    const panel = await openAdminPanel(host.page);
    await panel.getByRole("button", { name: `Remove ${removedName}` }).click();
    const removeDialog = host.page.getByRole("dialog", { name: `Remove ${removedName}?` });
    await removeDialog.getByText("They can come back with the call's link; to keep them out, ban them instead.").waitFor();
    await removeDialog.getByRole("button", { name: "Remove", exact: true }).click();

    // One clear final screen: no Reconnect, no hand, no old notice.
    await removed.page.getByRole("heading", { name: "You were removed from this call" }).waitFor();
    await removed.page.getByText(/removed you from this call\. You can join it again with its link\./).waitFor();
    for (const name of ["Reconnect", "Raise hand"])
      expect(await removed.page.getByRole("button", { name }).or(removed.page.getByRole("link", { name })).count()).toBe(0);
    await removed.page.getByRole("link", { name: "Join again" }).click();
    await waitConnected(removed.page);
    expect(await ownName(removed.page)).toBe(removedName);

    await panel.getByRole("button", { name: `Ban ${bannedName}` }).click();
    const banDialog = host.page.getByRole("dialog", { name: `Ban ${bannedName} from this call?` });
    await banDialog.getByText(/cannot come back: their browser is refused/).waitFor();
    await banDialog.getByRole("button", { name: "Ban", exact: true }).click();
    await banned.page.getByRole("heading", { name: "You were banned from this call" }).waitFor();
    expect(await banned.page.getByRole("link", { name: "Join again" }).count()).toBe(0);
    await banned.page.goto(link);
    await banned.page.getByRole("heading", { name: "You cannot join this call" }).waitFor();

    // The log says which was which.
    const log = panel.getByRole("list", { name: "Moderation log entries" }).getByRole("listitem");
    await expect
      .poll(() => log.allInnerTexts())
      .toEqual([
        expect.stringContaining(`banned ${bannedName} (their browser; they cannot rejoin)`),
        expect.stringContaining(`removed ${removedName} (they may rejoin with the link)`),
      ]);
    for (const p of [host, removed]) expect(p.errors).toEqual([]);
    // The banned person's refused join is the only thing their console reports.
    expect(banned.errors).toEqual([expect.stringMatching(/403 \(Forbidden\).*\/join\)$/)]);
  });
});

describe("the last admin", () => {
  it("is warned before leaving and can hand admin to someone, who is told", async () => {
    const { host, guest, guestName } = await hostAndGuest(person, "Handover");

    await host.page.getByRole("button", { name: "Leave", exact: true }).click();
    const dialog = host.page.getByRole("dialog", { name: "You are the last admin" });
    await dialog.getByText(/nobody can moderate this call/).waitFor();
    // Stay keeps them in.
    await dialog.getByRole("button", { name: "Stay" }).click();
    await dialog.waitFor({ state: "hidden" });
    await waitConnected(host.page);

    await host.page.getByRole("button", { name: "Leave", exact: true }).click();
    await dialog.getByLabel("Hand admin to").selectOption({ label: `${guestName} (listener)` });
    await dialog.getByRole("button", { name: "Make admin and leave" }).click();
    await host.page.waitForURL(`${server.url}/`);
    await guest.page
      .getByRole("status")
      .getByText(/made you an admin: you can moderate this call/)
      .waitFor();
    // Now the only admin, they are warned in turn.
    await guest.page.getByRole("button", { name: "Leave", exact: true }).click();
    await guest.page.getByRole("dialog", { name: "You are the last admin" }).waitFor();
    expect(host.errors).toEqual([]);
  });
});

describe("a role change from the role menu", () => {
  it("is told to the promoted person", async () => {
    const { host, guest, guestName } = await hostAndGuest(person, "Promotions");
    await setRole(host.page, guestName, "speaker");
    await guest.page
      .getByRole("status")
      .getByText(/made you a speaker: unmute your microphone when you are ready to talk\./)
      .waitFor();
  });
});

describe("messages that fit the person", () => {
  it("a listener with the server unreachable is not told about messages they cannot write", async () => {
    const host = await person();
    const listener = await person();
    const link = await hostCall(host, "Quiet room");
    await joinLink(listener, link);
    // No media server in this test: voice is down; the listener can only read the chat.
    await listener.page.getByText("Voice is unavailable right now; you can still read the chat.").waitFor({ timeout: 20_000 });

    await listener.context.setOffline(true);
    await listener.page.getByText("You are offline. The call comes back when your connection does.").waitFor();
    await listener.page.getByText("Voice is unavailable right now.", { exact: true }).waitFor();
    expect(await listener.page.getByText(/Messages you write/).count()).toBe(0);
    expect(await listener.page.getByText(/chat still works/).count()).toBe(0);

    // A host (who can write) is told their messages wait.
    await host.context.setOffline(true);
    await host.page.getByText("You are offline. Messages you write now will be sent when your connection is back.").waitFor();
    await Promise.all([listener.context.setOffline(false), host.context.setOffline(false)]);
    await waitConnected(listener.page);
  });
});

describe("the site admin's own account", () => {
  it("cannot be disabled from the users list, and the list says why", async () => {
    const sysop = await signedInPerson(browser, server, SITE_ADMIN, PASSWORD);
    people.push(sysop);
    await sysop.page.goto("/admin");
    const users = sysop.page.getByRole("region", { name: "Users" });
    const own = users.getByRole("listitem").filter({ hasText: SITE_ADMIN });
    await own.getByText("This is your account: you cannot disable it.").waitFor();
    expect(await own.getByRole("button", { name: /^Disable/ }).count()).toBe(0);
  });
});

describe("the join box and call links", () => {
  it("accepts a call ID as spoken, and an unknown call's page is a 404", async () => {
    const host = await person();
    const guest = await person();
    const link = await hostCall(host, "Spoken link");
    const id = new URL(link).pathname.split("/").pop()!;
    const spoken = id
      .split("-")
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(" ");
    await guest.page.goto("/");
    await guest.page.getByLabel("Call link or ID").fill(`  ${spoken} `);
    await guest.page.getByRole("button", { name: "Join", exact: true }).click();
    await guest.page.waitForURL(link);
    await waitConnected(guest.page);

    const res = await guest.page.goto("/call/no-such-call");
    expect(res?.status()).toBe(404);
    await guest.page.getByRole("heading", { name: "No such call" }).waitFor();
  });
});
