import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { requireSiteAdminPage, siteAdminMetadata } from "./guard";

export const generateMetadata = () => siteAdminMetadata("Site admin · Earshot");

export default async function AdminPage() {
  const admin = await requireSiteAdminPage();
  return <AdminDashboard adminId={admin.id} adminName={admin.name} />;
}
