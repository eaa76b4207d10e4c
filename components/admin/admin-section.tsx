import type { ReactNode } from "react";
import type { PagedList } from "@/lib/client/use-paged-list";
import { cardClass } from "../ui/styles";
import { ListFooter } from "./list-footer";
import { SearchForm } from "./search-form";

export interface AdminListSectionProps<T> {
  id: string;
  title: string;
  /** Controls beside the title. */
  actions?: ReactNode;
  /** A search box above the list. */
  search?: { label: string; placeholder: string };
  list: PagedList<T>;
  empty: string;
  renderItem: (item: T) => ReactNode;
}

/** One card of /admin: a titled, optionally searchable list loaded a page at a time. */
export function AdminListSection<T>({ id, title, actions, search, list, empty, renderItem }: AdminListSectionProps<T>) {
  return (
    <section aria-labelledby={id} className={cardClass}>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {search && <SearchForm label={search.label} placeholder={search.placeholder} onSearch={list.search} />}
      <ul className="mt-2 flex flex-col divide-y divide-slate-200 dark:divide-slate-800">{list.items.map(renderItem)}</ul>
      <ListFooter list={list} empty={empty} />
    </section>
  );
}
