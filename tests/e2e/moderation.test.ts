import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, uniqueEmail } from "../support/auth";
import { hostCall, launchChromium, newPerson, ownName, signedInPerson, waitConnected, type Person } from "../support/browser";
import { namespaceAddress } from "../support/netns";
import { startServer, type TestServer } from "../support/server";

const SITE_ADMIN = uniqueEmail("sysop");
const MEMBER = uniqueEmail("member");
const PASSWORD = "correct horse battery";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // With voice (LiveKit in the test namespace), so a promotion can be seen to bring the microphone button.
  const host = namespaceAddress();
  server = await startServer({ host, localLiveKit: true, env: { ADMIN_EMAILS: SITE_ADMIN, TRUST_PROXY: "true" } });
  browser = await launchChromium({ fakeMedia: true, secureOrigins: [server.url] });
  await signUp(server, { email: SITE_ADMIN, password: PASSWORD, name: "Sysop" }, "192.0.2.20");
  await signUp(server, { email: MEMBER, password: PASSWORD, name: "Member" }, "192.0.2.21");
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signedIn = (email: string): Promise<Person> => signedInPerson(browser, server, email, PASSWORD);

async function join(person: Person, link: string): Promise<string> {
  await person.page.goto(link);
  await waitConnected(person.page);
  return ownName(person.page);
}

/** The role badge next to "You are …" in the person's own header. */
const ownRole = (person: Person) => person.page.locator("header p", { hasText: "You are" }).locator("span").last().innerText();

describe("moderating a call in the browser", () => {
  it("hand queue, lock, and a site admin ending the call from /admin", async () => {
    const host = await newPerson(browser, server.url);
    const listener = await newPerson(browser, server.url);
    const link = await hostCall(host, "Town hall");
    const listenerName = await join(listener, link);
    const callId = new URL(link).pathname.split("/").pop()!;

    // The listener raises a hand; the host sees it in the queue, in order, and invites them to speak.
    expect(await ownRole(listener)).toBe("listener");
    expect(await listener.page.getByLabel("Message", { exact: true }).count()).toBe(0);
    await listener.page.getByRole("button", { name: "Raise hand" }).click();
    await listener.page.getByRole("button", { name: "Lower hand" }).waitFor();
    const queue = host.page.getByRole("region", { name: /^Raised hands/ });
    await queue.getByText(listenerName, { exact: true }).waitFor();
    await queue.getByText("just now").waitFor();
    await host.page.getByRole("button", { name: /^Admin panel\s*1 hand$/ }).waitFor();
    await queue.getByRole("button", { name: `Invite ${listenerName} to speak` }).click();

    // Promoted live, in their own view: role, chat, no hand (speakers need none), and what happened.
    await expect.poll(() => ownRole(listener), { timeout: 10_000 }).toBe("speaker");
    await expect.poll(() => listener.page.getByLabel("Message", { exact: true }).isEnabled()).toBe(true);
    expect(await listener.page.getByRole("button", { name: /(Raise|Lower) hand/ }).count()).toBe(0);
    await listener.page
      .getByRole("status")
      .getByText(/accepted your raised hand/)
      .waitFor();
    await queue.getByText("No hands up.", { exact: false }).waitFor();
    await listener.page.getByRole("button", { name: "Turn microphone on" }).waitFor({ timeout: 15_000 });

    // The host locks the call from the panel; the log shows both actions, newest first; a newcomer is refused.
    await host.page.getByRole("button", { name: /^Admin panel/ }).click();
    const panel = host.page.getByRole("complementary", { name: "Admin panel" });
    await panel.getByRole("button", { name: "Lock call" }).click();
    await panel.getByRole("button", { name: "Unlock call" }).waitFor();
    const log = panel.getByRole("list", { name: "Moderation log entries" }).getByRole("listitem");
    await expect
      .poll(() => log.allInnerTexts())
      .toEqual([expect.stringContaining("locked the call"), expect.stringContaining(`made ${listenerName} a speaker (was listener)`)]);
    // The host is protected in the panel: no remove or ban for themselves, and the listener's row offers them.
    await panel.getByRole("button", { name: `Ban ${listenerName}` }).waitFor();
    expect(await panel.getByRole("button", { name: /^Remove pleb-/ }).count()).toBe(1);

    // On a phone the panel is a modal sheet: the page behind it is inert. Focus stayed on the lock button
    // while it was busy, so Escape closes the panel and focus returns to its toggle.
    const toggle = host.page.getByRole("button", { name: /^Admin panel/ });
    await host.page.setViewportSize({ width: 390, height: 800 });
    await host.page.getByRole("dialog", { name: "Admin panel" }).waitFor();
    expect(await toggle.evaluate((el) => el.closest("[inert]") !== null)).toBe(true);
    await host.page.keyboard.press("Escape");
    await host.page.getByRole("dialog", { name: "Admin panel" }).waitFor({ state: "detached" });
    expect(await toggle.evaluate((el) => el.closest("[inert]") === null && document.activeElement === el)).toBe(true);
    await host.page.setViewportSize({ width: 1280, height: 800 });

    const latecomer = await newPerson(browser, server.url);
    await latecomer.page.goto(link);
    await latecomer.page.getByRole("heading", { name: "This call is locked" }).waitFor();

    // A non-admin is shown no admin pages at all: a guest, and a signed-in member.
    for (const person of [latecomer, await signedIn(MEMBER)]) {
      const res = await person.page.goto("/admin");
      expect(res?.status()).toBe(404);
      await person.page.getByRole("heading", { name: "Page not found" }).waitFor();
      expect(await person.page.title()).not.toMatch(/admin/i);
      expect((await person.page.goto(`/admin/calls/${callId}`))?.status()).toBe(404);
      expect(await person.page.title()).not.toMatch(/admin|call/i);
    }

    // The site admin sees the live call with its host and head count, and ends it for everyone.
    const sysop = await signedIn(SITE_ADMIN);
    const res = await sysop.page.goto("/admin");
    expect(res?.status()).toBe(200);
    const live = sysop.page.getByRole("region", { name: "Live calls" });
    const row = live.getByRole("listitem").filter({ hasText: callId });
    await row.getByText("2 people present").waitFor();
    await row.getByText(`host ${await ownName(host.page)}`).waitFor();
    await row.getByRole("button", { name: "End Town hall" }).click();
    await sysop.page.getByRole("button", { name: "End call for everyone" }).click();
    await host.page.getByRole("heading", { name: "This call has ended" }).waitFor();
    await listener.page.getByRole("heading", { name: "This call has ended" }).waitFor();
    await row.waitFor({ state: "detached" });

    // Its history page has the whole log, the site admin's ending on top.
    await sysop.page.goto(`/admin/calls/${callId}`);
    const entries = sysop.page.getByRole("list", { name: "Moderation log entries" }).getByRole("listitem");
    await expect
      .poll(() => entries.allInnerTexts())
      .toEqual([
        expect.stringContaining("Sysop (site admin) ended the call"),
        expect.stringContaining("locked the call"),
        expect.stringContaining(`made ${listenerName} a speaker`),
      ]);

    for (const p of [host, listener, sysop]) expect(p.errors).toEqual([]);
    await Promise.all([host, listener, latecomer, sysop].map((p) => p.context.close()));
  });
});
