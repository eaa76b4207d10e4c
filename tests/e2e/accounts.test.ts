import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, uniqueEmail } from "../support/auth";
import { chatMessage, E2E_PASSWORD, launchChromium, newPerson, ownName, sendChat, signUpInBrowser, waitConnected, type Person } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PASSWORD = E2E_PASSWORD;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const accountNav = (page: Page) => page.getByRole("navigation", { name: "Account" });

async function signInInBrowser(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function hostCall(page: Page, title: string): Promise<string> {
  await page.goto("/");
  await page.getByLabel(/^Title/).fill(title);
  await page.getByRole("radio", { name: /^chatter/i }).check();
  await page.getByRole("button", { name: "Host a call" }).click();
  await page.waitForURL(/\/call\/[a-z]+-[a-z]+-[a-z]+$/);
  await waitConnected(page);
  return page.url();
}

const callIdOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;

describe("accounts in the browser", () => {
  it("a user signs up, hosts a call a guest chats in, ends it, and finds its history with transcript and roles", async () => {
    const host = await newPerson(browser, server.url);
    const guest = await newPerson(browser, server.url);

    await signUpInBrowser(host, "Ada Lovelace");
    await host.page.waitForURL(`${server.url}/`);
    await accountNav(host.page).getByText("Ada Lovelace").waitFor();
    await accountNav(host.page).getByRole("link", { name: "My calls" }).waitFor();

    const link = await hostCall(host.page, "Accounts launch");
    await host.page.locator("header p", { hasText: "You are" }).getByText("Ada Lovelace").waitFor();
    await guest.page.goto(link);
    await waitConnected(guest.page);
    const guestName = await ownName(guest.page);
    expect(guestName).toMatch(/^pleb-[a-z]+$/);

    await sendChat(host.page, "Welcome to the launch");
    await chatMessage(guest.page, "Welcome to the launch").waitFor();
    await sendChat(guest.page, "Glad to be here as a guest");
    await chatMessage(host.page, "Glad to be here as a guest").waitFor();

    await host.page.getByRole("button", { name: "End call" }).click();
    await host.page.getByRole("button", { name: "End call for everyone" }).click();
    await host.page.getByRole("heading", { name: "This call has ended" }).waitFor();
    await guest.page.getByRole("heading", { name: "This call has ended" }).waitFor();
    // The account may read the call again: the ended screen links to its history.
    expect(await host.page.getByRole("link", { name: "Read its history" }).getAttribute("href")).toBe(`/calls/${callIdOf(link)}/history`);

    // My calls lists it, ended, with the host's role and both people.
    await host.page.goto("/calls");
    const item = host.page.getByRole("list", { name: "Your calls" }).getByRole("listitem").filter({ hasText: "Accounts launch" });
    await item.waitFor();
    expect(await item.innerText()).toMatch(/ended[\s\S]*2 people[\s\S]*admin/);
    await item.getByRole("link", { name: "Accounts launch" }).click();
    await host.page.waitForURL(`${server.url}/calls/${callIdOf(link)}/history`);

    // The history: the transcript in order, and everyone with the roles they held.
    await host.page.getByRole("heading", { level: 1, name: "Accounts launch" }).waitFor();
    // The transcript can be taken away, as Markdown or JSON.
    expect(await host.page.getByRole("link", { name: "Markdown" }).getAttribute("href")).toBe(`/api/calls/${callIdOf(link)}/transcript?format=md`);
    const exported = await host.page.evaluate(async (url) => (await fetch(url)).json(), `/api/calls/${callIdOf(link)}/transcript?format=json`);
    expect(exported.messages.map((m: { body: string }) => m.body)).toEqual(["Welcome to the launch", "Glad to be here as a guest"]);
    const transcript = host.page.getByRole("region", { name: "Transcript" }).getByRole("listitem");
    await expect
      .poll(() => transcript.allInnerTexts())
      .toEqual([
        expect.stringMatching(/^Ada Lovelace[\s\S]*Welcome to the launch$/),
        expect.stringMatching(new RegExp(`^${guestName}[\\s\\S]*Glad to be here as a guest$`)),
      ]);
    const people = host.page.getByRole("list", { name: "People in this call" }).locator(":scope > li");
    expect(await people.allInnerTexts()).toEqual([
      expect.stringMatching(/^Ada Lovelace[\s\S]*host[\s\S]*account[\s\S]*admin/),
      expect.stringMatching(new RegExp(`^${guestName}[\\s\\S]*guest[\\s\\S]*chatter`)),
    ]);

    if (process.env.EARSHOT_SCREENSHOTS) await screenshots(host, [`/calls/${callIdOf(link)}/history`, "/calls", "/profile"]);

    // The guest needs an account to read it; signing up brings them back, and their guest seat in this browser counts.
    await guest.page.goto(`/calls/${callIdOf(link)}/history`);
    await guest.page.waitForURL(/\/signin\?callbackUrl=/);
    await guest.page.getByRole("link", { name: "Sign up" }).last().click();
    await guest.page.waitForURL(/\/signup\?callbackUrl=/);
    await signUpInBrowser(guest, "Grace Guest", null);
    await guest.page.waitForURL(`${server.url}/calls/${callIdOf(link)}/history`);
    await guest.page.getByRole("region", { name: "Transcript" }).getByText("Welcome to the launch").waitFor();

    expect(host.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
    await Promise.all([host.context.close(), guest.context.close()]);
  });

  it("refuses a wrong password with a clear sentence, signs in with the right one, renames, signs out", async () => {
    const email = uniqueEmail("e2e-signin");
    expect((await signUp(server, { email, password: PASSWORD, name: "Brook" }, "127.0.0.1")).status).toBe(201);
    const person = await newPerson(browser, server.url, { width: 375, height: 812 });
    const { page } = person;

    await page.goto("/calls");
    await page.waitForURL(`${server.url}/signin?callbackUrl=%2Fcalls`);
    if (process.env.EARSHOT_SCREENSHOTS) await shoot(page, "signin");
    await signInInBrowser(page, email, "not my password");
    await page.getByRole("alert").filter({ hasText: "That email and password do not match an account." }).waitFor();
    await signInInBrowser(page, email, PASSWORD);
    await page.waitForURL(`${server.url}/calls`);
    await page.getByText("You have not been in any calls yet while signed in.").waitFor();

    // Not a participant: the same 404 as for a call that does not exist.
    const stranger = await fetch(`${server.url}/api/calls`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ defaultRole: "listener" }),
    });
    const { call } = (await stranger.json()) as { call: { id: string } };
    for (const id of [call.id, "no-such-call"]) {
      const res = await page.goto(`/calls/${id}/history`);
      expect(res?.status()).toBe(404);
      await page.getByRole("heading", { name: "No history to show" }).waitFor();
    }

    await page.goto("/profile");
    const name = page.getByLabel("Display name");
    await name.fill("pleb-brook");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByText("Names starting with pleb- are kept for guests.").waitFor();
    // A failed submit puts focus on the first invalid field, so its error is read out with it.
    expect(await name.evaluate((el) => document.activeElement === el && el.getAttribute("aria-invalid") === "true")).toBe(true);
    await name.fill("Brook Rivers");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByRole("status").filter({ hasText: "You now appear as Brook Rivers" }).waitFor();
    await accountNav(page).getByText("Brook Rivers").waitFor();

    await page.getByLabel("Current password").fill("wrong current one");
    await page.getByLabel("New password", { exact: true }).fill("a brand new password");
    await page.getByLabel("New password again").fill("a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("That is not your current password.").waitFor();
    expect(await page.getByLabel("Current password").evaluate((el) => document.activeElement === el)).toBe(true);

    await accountNav(page).getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/`);
    await accountNav(page).getByRole("link", { name: "Sign in" }).waitFor();
    await page.goto("/profile");
    await page.waitForURL(`${server.url}/signin?callbackUrl=%2Fprofile`);

    // The refusals this test provokes (wrong password, 404s) show in the console as failed loads; nothing else may.
    expect(person.errors.filter((e) => !/^Failed to load resource: .* (401|403|404) /.test(e))).toEqual([]);
    await person.context.close();
  });

  it("a guest who signs up during a call keeps their seat, role and messages under their account", async () => {
    const host = await newPerson(browser, server.url);
    const guest = await newPerson(browser, server.url);
    const link = await hostCall(host.page, "Claim me");
    await guest.page.goto(link);
    await waitConnected(guest.page);
    const guestName = await ownName(guest.page);
    await sendChat(guest.page, "said before signing up");
    await chatMessage(host.page, "said before signing up").waitFor();

    await signUpInBrowser(guest, "Cleo", `/signup?callbackUrl=${encodeURIComponent(new URL(link).pathname)}`);
    await guest.page.waitForURL(link);
    await waitConnected(guest.page);
    expect(await ownName(guest.page)).toBe(guestName);
    await guest.page.getByRole("heading", { name: "Keep your guest seat under your account" }).waitFor();
    await guest.page.getByRole("button", { name: "Keep it as Cleo" }).click();
    await guest.page.getByText("this seat is now yours as Cleo").waitFor();
    await expect.poll(() => ownName(guest.page)).toBe("Cleo");
    await host.page
      .getByRole("region", { name: /^Audience/ })
      .getByText("Cleo", { exact: true })
      .waitFor();

    // The account now has the call, as a chatter.
    await guest.page.goto("/calls");
    const item = guest.page.getByRole("list", { name: "Your calls" }).getByRole("listitem").filter({ hasText: "Claim me" });
    expect(await item.innerText()).toMatch(/live[\s\S]*chatter/);

    expect(host.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
    await Promise.all([host.context.close(), guest.context.close()]);
  });
});

/** EARSHOT_SCREENSHOTS=1: the new pages at desktop and phone width, light and dark, into test-results/ (not committed). */
async function screenshots(person: Person, paths: string[]): Promise<void> {
  for (const path of paths) {
    await person.page.goto(path);
    await shoot(person.page, path.split("/").filter(Boolean).at(-1) ?? "home");
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(`${root}test-results`, { recursive: true });
  const size = page.viewportSize();
  for (const [width, scheme] of [
    [1280, "light"],
    [375, "light"],
    [375, "dark"],
  ] as const) {
    await page.setViewportSize({ width, height: 812 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${root}test-results/${name}-${width}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (size) await page.setViewportSize(size);
}
