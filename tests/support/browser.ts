import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's chromium, headless, with the background chatter that slows or flakes CI turned off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, to assert the page stayed healthy. */
  errors: string[];
}

/** A separate browser profile (own cookies and storage): a different person. */
export async function newPerson(browser: Browser, baseURL: string, viewport = { width: 1280, height: 800 }): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.text()} (${m.location().url})`);
  });
  return { context, page, errors };
}

/** Waits for the call page's connection pill to say the socket is up. */
export async function waitConnected(page: Page): Promise<void> {
  await page.getByRole("status").filter({ hasText: /^Connected$/ }).waitFor();
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
  page.getByRole("region", { name: "Chat", exact: true }).getByRole("listitem").filter({ has: page.getByText(text, { exact: true }) }).filter({ hasNotText: /sending…|will send/ });
