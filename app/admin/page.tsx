import type { Metadata } from "next";
import { AdminDashboard } from "@/components/admin/admin-dashboard";
import { requireSiteAdminPage } from "./guard";

export const metadata: Metadata = { title: "Site admin · Earshot" };

export default async function AdminPage() {
  const admin = await requireSiteAdminPage();
  return <AdminDashboard adminName={admin.name} />;
}
