import { appContext } from "@/lib/context";
import type { Metadata } from "next";
import Link from "next/link";
import { SitePage } from "@/components/account/site-page";
import { CallFilters } from "@/components/history/call-filters";
import { MyCallList } from "@/components/history/my-call-list";
import { Pager } from "@/components/history/pager";
import { FormMessage } from "@/components/ui/text-field";
import { requireUser } from "@/lib/adapters/page-session";
import { type MyCallsPage, MyCallsQuerySchema } from "@/lib/contracts/history";
import { isAppError } from "@/lib/domain/errors";
import { listMyCalls } from "@/lib/services/call-history";

export const metadata: Metadata = { title: "My calls · Earshot" };

const PAGE_SIZE = 20;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MyCallsPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = { status: first(params.status), q: first(params.q), cursor: first(params.cursor) };
  const address = (extra: Record<string, string | undefined>) => {
    const qs = new URLSearchParams(Object.entries({ ...raw, ...extra }).filter((e): e is [string, string] => !!e[1] && e[1] !== "all"));
    return qs.size ? `/calls?${qs}` : "/calls";
  };
  const user = await requireUser(address({}));

  const parsed = MyCallsQuerySchema.safeParse({ ...raw, status: raw.status || undefined, q: raw.q || undefined, limit: PAGE_SIZE });
  const query = parsed.success ? parsed.data : MyCallsQuerySchema.parse({ limit: PAGE_SIZE });
  let page: MyCallsPage | null = null;
  let problem = parsed.success ? null : "Those filters are not ones this page understands, so all your calls are shown.";
  try {
    page = await listMyCalls(appContext().deps, user, query);
  } catch (e) {
    if (!isAppError(e) || e.code !== "INVALID_INPUT") throw e;
    problem = "That page of your calls does not exist any more. Here are the newest.";
    page = await listMyCalls(appContext().deps, user, { ...query, cursor: undefined });
  }

  const filtered = query.status !== "all" || !!query.q;
  return (
    <SitePage user={user} current="calls">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight">My calls</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every call you hosted or joined while signed in, newest first. Open one to read its history.
        </p>
      </div>
      <CallFilters status={query.status} q={query.q ?? ""} />
      {problem && <FormMessage tone="error">{problem}</FormMessage>}
      <MyCallList
        calls={page.calls}
        empty={filtered ? "No calls match these filters." : query.cursor ? "There are no older calls." : "You have not been in any calls yet while signed in."}
      />
      {!filtered && !query.cursor && page.calls.length === 0 && (
        <Link href="/" className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
          Host or join a call
        </Link>
      )}
      <Pager
        label="Pages of calls"
        newestHref={query.cursor ? address({ cursor: undefined }) : null}
        olderHref={page.nextCursor ? address({ cursor: page.nextCursor }) : null}
        olderText="Older calls"
      />
    </SitePage>
  );
}
