import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CookieJar, signIn, uniqueEmail } from "./auth";
import type { TestServer } from "./server";

/**
 * Debian's chromium, headless, with the background chatter that slows or flakes CI turned off.
 * `fakeMedia`: microphones are granted without asking and are Chromium's fake device (a beep);
 * WebRTC host candidates carry real addresses, because the test namespace has no mDNS
 * responder to resolve the `.local` names Chromium would otherwise hand out.
 * `secureOrigins`: plain-http origins to treat as secure, as https would be: a server inside
 * the test namespace is not on localhost, and microphones and the clipboard need a secure page.
 */
export function launchChromium({ fakeMedia = false, secureOrigins = [] as string[] } = {}): Promise<Browser> {
  // A steady tone rather than Chromium's default short beeps: the speaker talks all the time.
  const tone = fakeMedia ? toneWav() : null;
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(tone
        ? [
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            `--use-file-for-fake-audio-capture=${tone}`,
            "--disable-features=WebRtcHideLocalIpsWithMdns",
          ]
        : []),
      ...(secureOrigins.length ? [`--unsafely-treat-insecure-origin-as-secure=${secureOrigins.join(",")}`] : []),
    ],
  });
}

/** Two seconds of a 440 Hz tone as a 16-bit mono WAV file (Chromium loops it as the fake microphone). */
function toneWav(): string {
  const rate = 48_000;
  const samples = rate * 2;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(12_000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  const file = join(tmpdir(), "earshot-test-tone.wav");
  writeFileSync(file, wav);
  return file;
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, to assert the page stayed healthy. */
  errors: string[];
}

/** livekit-client's log lines about a room closing under it. */
const ROOM_TEARDOWN = /DataChannel error on|data channel '[A-Z_]+' closed unexpectedly|signal stream/i;

/** A separate browser profile (own cookies and storage): a different person. */
export async function newPerson(browser: Browser, baseURL: string, viewport = { width: 1280, height: 800 }): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    // Chromium logs each failed LiveKit signalling attempt; in degraded mode (no media server) those are expected.
    const where = `${m.text()} (${m.location().url})`;
    // And when a call ends, its media room is deleted under the open pages while they disconnect: livekit-client
    // logs its data channels and signalling socket closing then (timing decides whether it does). Nothing the person sees.
    if (m.type() === "error" && !/\/rtc\/v1\b/.test(where) && !ROOM_TEARDOWN.test(m.text())) errors.push(where);
  });
  return { context, page, errors };
}

export const E2E_PASSWORD = "correct horse battery";

/** Fills in the sign-up form at `path` (null: the page is already there); returns the new account's email. */
export async function signUpInBrowser(person: Person, name: string, path: string | null = "/signup"): Promise<string> {
  const { page } = person;
  const email = uniqueEmail("e2e");
  if (path) await page.goto(path);
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  return email;
}

/** Waits for the call page's connection pill to say the socket is up. */
export async function waitConnected(page: Page): Promise<void> {
  await page
    .getByRole("status")
    .filter({ hasText: /^Connected$/ })
    .waitFor();
}

/** The guest name the call page shows for this person ("You are pleb-…"). */
export async function ownName(page: Page): Promise<string> {
  const text = await page.locator("header p", { hasText: "You are" }).innerText();
  const m = /You are\s+(\S+)/.exec(text);
  if (!m?.[1]) throw new Error(`no own name in header: ${text}`);
  return m[1];
}

export async function sendChat(page: Page, text: string): Promise<void> {
  const input = page.getByLabel("Message", { exact: true });
  await input.fill(text);
  await input.press("Enter");
}

/** The chat list item holding exactly this text, once it is stored (not a greyed pending one). */
export const chatMessage = (page: Page, text: string) =>
  page
    .getByRole("region", { name: "Chat", exact: true })
    .getByRole("listitem")
    .filter({ has: page.getByText(text, { exact: true }) })
    .filter({ hasNotText: /sending…|will send/ });

/** Hosts a call from the splash page; returns its link. */
export async function hostCall(host: Person, title: string, defaultRole?: "chatter" | "speaker"): Promise<string> {
  const { page } = host;
  await page.goto("/");
  await page.getByLabel(/^Title/).fill(title);
  if (!(await page.getByRole("radio", { name: /^listener/i }).isChecked())) throw new Error("the splash page should preselect listener");
  if (defaultRole) await page.getByRole("radio", { name: new RegExp(`^${defaultRole}`, "i") }).check();
  await page.getByRole("button", { name: "Host a call" }).click();
  await page.waitForURL(/\/call\/[a-z]+-[a-z]+-[a-z]+$/);
  await waitConnected(page);
  return page.url();
}

/** Joins a call by pasting its link on the splash page. */
export async function joinByPasting(guest: Person, link: string): Promise<void> {
  const { page } = guest;
  await page.goto("/");
  await page.getByLabel("Call link or ID").fill(link);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await page.waitForURL(link);
  await waitConnected(page);
}

/** An admin changes someone's role with the role menu on their row. */
export async function setRole(page: Page, displayName: string, role: string): Promise<void> {
  await page.getByLabel(`Role for ${displayName}`).first().selectOption(role);
  await page
    .getByRole("button", { name: `Set role for ${displayName}` })
    .first()
    .click();
}

/** A browser signed in as this account: the session cookie from next-auth's credentials flow, put into a new context. */
export async function signedInPerson(browser: Browser, server: TestServer, email: string, password: string): Promise<Person> {
  const jar = new CookieJar();
  if (!(await signIn(server, jar, email, password)).ok) throw new Error(`could not sign in as ${email}`);
  const person = await newPerson(browser, server.url);
  await person.context.addCookies([...jar.cookies].map(([name, value]) => ({ name, value, url: server.url })));
  return person;
}

/** Opens a call's link in this person's browser, waits for the socket, and returns the name they got. */
export async function joinLink(person: Person, link: string): Promise<string> {
  await person.page.goto(link);
  await waitConnected(person.page);
  return ownName(person.page);
}

/** A host with a call and a guest in it: the start of most two-browser tests. `newPerson` makes each browser. */
export async function hostAndGuest(newPerson: () => Promise<Person>, title: string) {
  const host = await newPerson();
  const guest = await newPerson();
  const link = await hostCall(host, title);
  const guestName = await joinLink(guest, link);
  return { host, guest, link, guestName };
}
