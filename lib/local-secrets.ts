import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Secrets a self-hosted install must keep but nobody should have to invent:
 * generated on first run into .env.local (git-ignored), unless the
 * environment already sets them.
 */
const GENERATED = {
  EARSHOT_SECRET: () => randomBytes(32).toString("base64url"),
} as const;

export function ensureLocalSecrets(dir: string): string[] {
  const file = join(dir, ".env.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const added: string[] = [];
  for (const [name, make] of Object.entries(GENERATED)) {
    if (process.env[name] || new RegExp(`^${name}=`, "m").test(existing)) continue;
    appendFileSync(file, `${existing && !existing.endsWith("\n") && added.length === 0 ? "\n" : ""}${name}=${make()}\n`, { mode: 0o600 });
    added.push(name);
  }
  return added;
}
