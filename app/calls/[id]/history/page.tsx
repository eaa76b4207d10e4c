import { appContext } from "@/lib/context";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SitePage } from "@/components/account/site-page";
import { CallSummary } from "@/components/history/call-summary";
import { ParticipantRoles } from "@/components/history/participant-roles";
import { Replays } from "@/components/history/replay";
import { Transcript } from "@/components/history/transcript";
import { pageIdentity, requireUser } from "@/lib/adapters/page-session";
import { CallIdSchema } from "@/lib/contracts/call-id";
import { MessagesQuerySchema } from "@/lib/contracts/rest";
import { isAppError } from "@/lib/domain/errors";
import { callHistory } from "@/lib/services/call-history";
import { listReplays } from "@/lib/services/replays";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Call history · Earshot" };

export default async function CallHistoryPage({ params, searchParams }: Props) {
  const parsedId = CallIdSchema.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const callId = parsedId.data;
  const before = (await searchParams).before;
  const page = MessagesQuerySchema.safeParse({ before: typeof before === "string" ? before : undefined });
  const query = page.success ? page.data : MessagesQuerySchema.parse({});
  const here = `/calls/${callId}/history`;
  const user = await requireUser(query.before ? `${here}?before=${query.before}` : here);

  const { deps, accounts } = appContext();
  let history;
  let replays;
  try {
    // Only people who were in the call (as this account, or as a guest in this browser) and site admins see it;
    // everyone else gets the same 404 as for a call that never existed.
    const viewer = await pageIdentity(appContext(), callId, user);
    [history, replays] = await Promise.all([callHistory(deps, accounts, callId, viewer, query), listReplays(deps, accounts, callId, viewer)]);
  } catch (e) {
    if (isAppError(e) && e.code === "CALL_NOT_FOUND") notFound();
    throw e;
  }

  return (
    <SitePage user={user} current="other">
      <Link href="/calls" className="self-start text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
        ← My calls
      </Link>
      <CallSummary history={history} />
      <Replays replays={replays.replays} canManage={replays.canManage} />
      <div className="grid items-start gap-6 md:grid-cols-[18rem_1fr]">
        <ParticipantRoles participants={history.participants} />
        <Transcript
          messages={history.messages}
          olderHref={history.nextCursor ? `${here}?before=${history.nextCursor}` : null}
          newestHref={query.before ? here : null}
          exportBase={`/api/calls/${callId}/transcript`}
        />
      </div>
    </SitePage>
  );
}
