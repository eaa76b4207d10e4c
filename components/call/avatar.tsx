import type { ParticipantDto } from "@/lib/contracts/dto";

/**
 * Distinct colours, written out in full so Tailwind keeps them. Each pair reads in light and
 * dark mode; a person's colour follows their id, so it is the same on every screen and after a rename.
 */
const PALETTE = [
  "bg-rose-200 text-rose-900 dark:bg-rose-800 dark:text-rose-50",
  "bg-amber-200 text-amber-900 dark:bg-amber-700 dark:text-amber-50",
  "bg-lime-200 text-lime-900 dark:bg-lime-800 dark:text-lime-50",
  "bg-emerald-200 text-emerald-900 dark:bg-emerald-800 dark:text-emerald-50",
  "bg-cyan-200 text-cyan-900 dark:bg-cyan-800 dark:text-cyan-50",
  "bg-sky-200 text-sky-900 dark:bg-sky-800 dark:text-sky-50",
  "bg-indigo-200 text-indigo-900 dark:bg-indigo-700 dark:text-indigo-50",
  "bg-violet-200 text-violet-900 dark:bg-violet-800 dark:text-violet-50",
  "bg-fuchsia-200 text-fuchsia-900 dark:bg-fuchsia-800 dark:text-fuchsia-50",
  "bg-orange-200 text-orange-900 dark:bg-orange-800 dark:text-orange-50",
] as const;

/** A stable small hash (FNV-1a) of the id: the same person always gets the same colour. */
export function colourIndex(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PALETTE.length;
}

/** "Ada Lovelace" → "AL"; guests' "pleb-otter" → "OT" (the shared prefix tells nobody apart). */
export function initials(displayName: string): string {
  const words = displayName
    .replace(/^pleb-/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  if (words.length === 0) return "?";
  const letters = words.length > 1 ? words[0]!.charAt(0) + words[1]!.charAt(0) : words[0]!.slice(0, 2);
  return letters.toUpperCase();
}

const SIZES = { sm: "size-8 text-xs", lg: "size-16 text-lg sm:size-20 sm:text-xl" } as const;

/** A person's round badge: initials on their colour, a ring while they speak, dimmed while away. */
export function Avatar({
  person,
  size,
  speaking = false,
}: {
  person: Pick<ParticipantDto, "id" | "displayName" | "presence">;
  size: keyof typeof SIZES;
  speaking?: boolean;
}) {
  const away = person.presence === "away";
  const colour = away ? "bg-slate-200 text-slate-500 dark:bg-slate-800 dark:text-slate-400" : PALETTE[colourIndex(person.id)];
  const ring = speaking
    ? "ring-4 ring-emerald-500 ring-offset-2 ring-offset-white shadow-[0_0_0_8px_rgba(16,185,129,0.25)] dark:ring-emerald-400 dark:ring-offset-slate-950"
    : "ring-0";
  return (
    <span aria-hidden className={`flex shrink-0 items-center justify-center rounded-full font-semibold transition-shadow ${SIZES[size]} ${colour} ${ring}`}>
      {initials(person.displayName)}
    </span>
  );
}
