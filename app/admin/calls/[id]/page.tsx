import { notFound } from "next/navigation";
import { AdminCallView } from "@/components/admin/admin-call-view";
import { CallIdSchema } from "@/lib/contracts/call-id";
import { requireSiteAdminPage, siteAdminMetadata } from "../../guard";

type Props = { params: Promise<{ id: string }> };

// Static, after the guard: the id in a title would be shown even on the 404 for anyone else.
export const generateMetadata = () => siteAdminMetadata("Call · Site admin · Earshot");

export default async function AdminCallPage({ params }: Props) {
  await requireSiteAdminPage();
  const parsed = CallIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  return <AdminCallView callId={parsed.data} />;
}
