// Screenshots of the call page for the README (desktop, phone, dark): a call with a stage of
// four, an audience and some chat, against the production build (npm run build first).
// Usage: tsx scripts/stage-screenshots.ts [outDir]   (default docs/)
import { io } from "socket.io-client";
import { api, createCall, joinCall } from "../tests/support/api";
import { launchChromium, newPerson, waitConnected } from "../tests/support/browser";
import { startServer } from "../tests/support/server";

const out = process.argv[2] ?? "docs";
const server = await startServer();
const browser = await launchChromium();
try {
  const host = await createCall(server, "listener", "Friday listening party");
  const id = host.call.id;
  const guests = await Promise.all(Array.from({ length: 9 }, () => joinCall(server, id)));
  // Three guests join the stage, one of them unmuted and one raises a hand in the audience.
  for (const g of guests.slice(0, 3))
    await api(server, "POST", `/api/calls/${id}/roles`, { credential: host.credential, body: { participantId: g.participant.id, role: "speaker" } });
  await api(server, "POST", `/api/calls/${id}/roles`, { credential: host.credential, body: { participantId: guests[3]!.participant.id, role: "chatter" } });
  const sockets = [host, ...guests].map((s) => io(server.url, { auth: { credential: s.credential }, transports: ["websocket"] }));
  await new Promise((r) => setTimeout(r, 800));
  const say = (i: number, body: string) => sockets[i]!.timeout(5000).emitWithAck("chat:send", { clientId: `shot-${body.length}-${i}`, body });
  await sockets[1]!.timeout(5000).emitWithAck("mute:set", { muted: false });
  await sockets[6]!.timeout(5000).emitWithAck("hand:set", { raised: true });
  await say(0, "Welcome, everyone! First track in two minutes.");
  await say(1, "Hello from Lisbon 👋");
  await say(1, "The sound is great tonight.");
  await say(4, "Setlist is at https://example.org/setlist");
  await say(0, "Raise a hand if you want to say something.");

  const viewer = await newPerson(browser, server.url);
  await viewer.context.addCookies([{ name: `earshot_${id.replaceAll("-", "_")}`, value: guests[4]!.credential, url: server.url }]);
  const shots: [string, { width: number; height: number }, "light" | "dark"][] = [
    ["stage-desktop", { width: 1280, height: 800 }, "light"],
    ["stage-phone", { width: 390, height: 844 }, "light"],
    ["stage-dark", { width: 1280, height: 800 }, "dark"],
    ["stage-phone-dark", { width: 390, height: 844 }, "dark"],
  ];
  for (const [name, viewport, scheme] of shots) {
    await viewer.page.setViewportSize(viewport);
    await viewer.page.emulateMedia({ colorScheme: scheme });
    await viewer.page.goto(`/call/${id}`);
    await waitConnected(viewer.page);
    // This machine's only text font, named first: with a colour emoji font installed (for the reactions), Chromium's
    // system-ui would otherwise take spaces and digits from the emoji font.
    await viewer.page.addStyleTag({ content: 'body { font-family: "DejaVu Sans", "Noto Color Emoji", sans-serif; }' });
    await viewer.page.waitForTimeout(1200);
    await viewer.page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  }
  for (const s of sockets) s.close();
} finally {
  await browser.close();
  await server.stop();
}
