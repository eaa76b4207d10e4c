import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participantRecord } from "@/lib/services/admit-participant";
import { hostCall, launchChromium, newPerson, setRole } from "../support/browser";
import { startServer, type TestServer } from "../support/server";
import { storesOn } from "../support/stores";

const CROWD = 1000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The crowd, written straight into the server's database (1,000 REST joins would only slow the test): listeners who are away. */
async function seedAudience(callId: string, names: string[]): Promise<void> {
  const { store, close } = await storesOn(server.databaseUrl);
  try {
    const base = Date.now();
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(
        names.slice(i, i + 50).map((displayName, j) =>
          store.createParticipant({
            ...participantRecord({ newId: randomUUID, randomInt: () => 0 }, callId, "listener", { user: null, deviceId: null }, displayName, new Date(base)),
            joinedAt: new Date(base + i + j),
          }),
        ),
      );
    }
  } finally {
    await close();
  }
}

describe("a call with a large audience in the browser", () => {
  it("opens with the count and a first page, pages and searches the audience, and an admin promotes someone found by search", async () => {
    const host = await newPerson(browser, server.url);
    const link = await hostCall(host, "Keynote");
    const callId = new URL(link).pathname.split("/").pop()!;
    const names = Array.from({ length: CROWD }, (_, i) => (i === 777 ? "pleb-needle" : `pleb-crowd${i}`));
    await seedAudience(callId, names);

    const opened = Date.now();
    await host.page.reload();
    const audience = host.page.getByRole("region", { name: /^Audience/ });
    await audience.getByText("1,000 listening").waitFor();
    console.log(`[audience e2e] call page with ${CROWD} in the audience showed its count ${Date.now() - opened} ms after the reload`);
    const rows = audience.getByRole("listitem");
    await expect.poll(() => rows.count()).toBe(40);
    expect(await rows.first().innerText()).toContain("pleb-crowd0");

    await audience.getByRole("button", { name: "Show more" }).click();
    await expect.poll(() => rows.count()).toBe(90);
    expect(await rows.nth(89).innerText()).toContain("pleb-crowd89");

    // The needle is far past the loaded pages: only the server's search finds it.
    await audience.getByRole("searchbox", { name: "Search the audience" }).fill("NEEDLE");
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining("pleb-needle")]);
    await setRole(host.page, "pleb-needle", "speaker");
    await host.page
      .getByRole("region", { name: /On stage/ })
      .getByText("pleb-needle", { exact: true })
      .waitFor();
    await audience.getByText("Nobody in the audience matches “NEEDLE”.").waitFor();
    await audience.getByText("999 listening").waitFor({ timeout: 5000 });
    expect(host.errors).toEqual([]);
  });
});
