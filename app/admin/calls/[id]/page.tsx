import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminCallView } from "@/components/admin/admin-call-view";
import { CallIdSchema } from "@/lib/contracts/call-id";
import { requireSiteAdminPage } from "../../guard";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).id.slice(0, 64)} · Site admin · Earshot` };
}

export default async function AdminCallPage({ params }: Props) {
  await requireSiteAdminPage();
  const parsed = CallIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  return <AdminCallView callId={parsed.data} />;
}
