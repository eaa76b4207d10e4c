"use client";

import { useId, useState } from "react";
import { Button } from "../ui/button";
import { inputClass } from "../ui/styles";

/** A labelled search box; searching with an empty box shows everything again. */
export function SearchForm({ label, placeholder, onSearch }: { label: string; placeholder: string; onSearch: (q: string) => void }) {
  const [q, setQ] = useState("");
  const id = useId();
  return (
    <form
      role="search"
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim());
      }}
    >
      <div className="flex-1">
        <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
          {label}
        </label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={placeholder} className={inputClass} />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
