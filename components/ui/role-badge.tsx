import type { Role } from "@/lib/contracts/roles";

const COLOURS: Record<Role, string> = {
  listener: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
  chatter: "bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200",
  speaker: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200",
  admin: "bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200",
};

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${COLOURS[role]}`}>{role}</span>;
}

export function HostBadge() {
  return <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-200">host</span>;
}
