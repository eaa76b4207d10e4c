import type { MessageDto } from "../contracts/dto";
import type { AccountDeps } from "./accounts";
import type { Deps } from "./deps";
import { type HistoryViewer, requireHistoryViewer } from "./history-access";
import { messagePage } from "./list-messages";
import { requireCall } from "./load";

/** Pages are read oldest-last from the store; this many at a time keeps each query small. */
const EXPORT_PAGE = 500;
/** A bound on the export (chat is rate limited; a call this long is extraordinary): 200,000 messages. */
const MAX_PAGES = 400;

export interface TranscriptExport {
  call: { id: string; title: string; startedAt: string; endedAt: string | null };
  /** Oldest first: everything the viewer may read (a removed person: up to their removal). */
  messages: MessageDto[];
}

/** The whole transcript, for the same readers as the history page (others get its 404). */
export async function exportTranscript(
  deps: Pick<Deps, "store" | "moderation">,
  accounts: Pick<AccountDeps, "users" | "adminEmails">,
  callId: string,
  viewer: HistoryViewer,
): Promise<TranscriptExport> {
  const call = await requireCall(deps.store, callId);
  const { until } = await requireHistoryViewer(deps, accounts, callId, viewer);
  const pages: MessageDto[][] = [];
  let before: number | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await messagePage(deps, callId, before, EXPORT_PAGE, until);
    pages.unshift(page.messages);
    if (!page.nextCursor) break;
    before = Number(page.nextCursor);
  }
  return {
    call: { id: call.id, title: call.title, startedAt: call.createdAt.toISOString(), endedAt: call.endedAt?.toISOString() ?? null },
    messages: pages.flat(),
  };
}

/** The transcript as Markdown: a heading, then one line per message with its UTC time (one format, ISO-like, everywhere in files). */
export function transcriptMarkdown(t: TranscriptExport): string {
  const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  const lines = [
    `# ${escapeMarkdown(t.call.title)}`,
    "",
    `Call \`${t.call.id}\`, started ${utc(t.call.startedAt)}${t.call.endedAt ? `, ended ${utc(t.call.endedAt)}` : ""}.`,
    "",
  ];
  if (t.messages.length === 0) lines.push("Nobody wrote anything in this call's chat.");
  for (const m of t.messages) {
    const body = m.removed ? "_(removed by an admin)_" : escapeMarkdown(m.body).replace(/\n/g, "  \n  ");
    lines.push(`- **${escapeMarkdown(m.senderName)}** (${utc(m.createdAt)}): ${body}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Chat text stays text in the file: the characters Markdown formats with are escaped (a line's leading # too). */
const escapeMarkdown = (s: string) => s.replace(/([\\`*_[\]<>|~])/g, "\\$1").replace(/^(\s*)#/gm, "$1\\#");
