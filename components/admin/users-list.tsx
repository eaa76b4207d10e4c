"use client";

import { adminApi, attempt } from "@/lib/client/api";
import { useAction } from "@/lib/client/use-action";
import { usePagedList } from "@/lib/client/use-paged-list";
import type { AdminUser } from "@/lib/contracts/admin";
import { Button } from "../ui/button";
import { LocalTime } from "../ui/local-time";
import { ConfirmButton } from "../ui/confirm-button";
import { AdminListSection } from "./admin-section";
import { ActionError } from "../moderation/action-error";

const small = "px-2 py-1 text-xs";
const badge = "rounded-full px-2 py-0.5 text-xs font-medium";

/** Accounts, searchable by name or email, each of which can be disabled (signed out, kept out, removed from calls) or enabled again. */
export function UsersList({ selfId }: { selfId: string }) {
  const list = usePagedList(
    async (q, cursor) => {
      const page = await adminApi.listUsers({ q, cursor });
      return { items: page.users, nextCursor: page.nextCursor };
    },
    (u: AdminUser) => u.id,
  );
  return (
    <AdminListSection
      id="users-heading"
      title="Users"
      search={{ label: "Search users", placeholder: "Name or email" }}
      list={list}
      empty="No accounts yet."
      renderItem={(user) => <UserRow key={user.id} user={user} isSelf={user.id === selfId} onChanged={list.replace} />}
    />
  );
}

function UserRow({ user, isSelf, onChanged }: { user: AdminUser; isSelf: boolean; onChanged: (user: AdminUser) => void }) {
  const { busy, error, run } = useAction();
  const setDisabled = (disabled: boolean) => attempt(adminApi.setUserDisabled(user.id, disabled).then(onChanged), "Could not change the account; try again.");
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-col gap-0.5">
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="truncate font-medium">{user.name}</span>
          {isSelf && <span className="text-xs text-slate-500 dark:text-slate-400">(you)</span>}
          {user.isSiteAdmin && <span className={`${badge} bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200`}>site admin</span>}
          {user.disabled && <span className={`${badge} bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200`}>disabled</span>}
        </span>
        <span className="flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-400">
          <span className="break-all">{user.email ?? "no email"}</span>
          <span>
            joined <LocalTime iso={user.createdAt} format="date" />
          </span>
        </span>
      </div>
      <div className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
        {isSelf ? (
          // The server refuses it too; here it is said before anyone tries.
          <p className="text-xs text-slate-500 dark:text-slate-400">This is your account: you cannot disable it.</p>
        ) : user.disabled ? (
          <Button
            variant="secondary"
            className={small}
            disabled={busy !== null}
            aria-label={`Enable ${user.name}`}
            onClick={() => void run("enable", () => setDisabled(false))}
          >
            Enable
          </Button>
        ) : (
          <ConfirmButton
            label="Disable"
            ariaLabel={`Disable ${user.name}`}
            className={small}
            title={`Disable ${user.name}?`}
            body="They are signed out, cannot sign in, and are removed from any call they are in. You can enable the account again later."
            confirmLabel="Disable account"
            busyLabel="Disabling…"
            onConfirm={() => setDisabled(true)}
          />
        )}
        <ActionError message={error} />
      </div>
    </li>
  );
}
