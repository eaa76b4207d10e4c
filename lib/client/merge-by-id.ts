/** Two lists of records with numeric string ids as one, each id once (b's copy wins), oldest or newest first. */
export function mergeById<T extends { id: string }>(a: readonly T[], b: readonly T[], order: "oldest-first" | "newest-first"): T[] {
  const byId = new Map<string, T>();
  for (const x of a) byId.set(x.id, x);
  for (const x of b) byId.set(x.id, x);
  const sign = order === "oldest-first" ? 1 : -1;
  return [...byId.values()].sort((x, y) => sign * (Number(x.id) - Number(y.id)));
}
