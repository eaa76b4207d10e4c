import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { CallEnded } from "@/components/call/call-ended";
import { CallProblem } from "@/components/call/call-problem";
import { CallRoom } from "@/components/call/call-room";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { extractCallId } from "@/lib/contracts/call-id";
import { appContext } from "@/lib/context";
import { currentUser, pageIdentity } from "@/lib/adapters/page-session";
import { callExists, endedCall } from "@/lib/services/get-call";

type Props = { params: Promise<{ id: string }> };

/** Next hands over the raw path segment; a stray %-escape must not crash the page. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const callId = extractCallId(decodeSegment((await params).id));
  return { title: callId ? `${callId} · Earshot` : "Earshot" };
}

export default async function CallPage({ params }: Props) {
  const raw = decodeSegment((await params).id);
  const callId = extractCallId(raw);
  if (!callId) {
    return (
      <CallProblem
        title="That is not a call link"
        message={`“${raw.slice(0, 64)}” is not a call ID. Call IDs are three words joined by dashes, like banana-hello-helicopter.`}
      />
    );
  }
  // One address per call: /call/Banana-Hello-Helicopter/ and friends land on the canonical one.
  if (callId !== raw) redirect(`/call/${callId}`);
  // A link to a call that never existed is a 404 (an ended call still opens: it shows that it ended).
  const ctx = appContext();
  if (!(await callExists(ctx.deps, callId, (await headers()).get(CLIENT_ADDRESS_HEADER)))) notFound();
  // An ended call opened again shows what the open page showed when it ended: who, how long, where to read it.
  const ended = await endedCall(ctx.deps, ctx.accounts, callId, await pageIdentity(ctx, callId, await currentUser(ctx)));
  if (ended) {
    return (
      <main className="mx-auto w-full max-w-2xl p-4">
        <CallEnded callId={callId} call={ended.call} endedBy={ended.endedBy} canReadHistory={ended.canReadHistory} />
      </main>
    );
  }
  return <CallRoom key={callId} callId={callId} />;
}
