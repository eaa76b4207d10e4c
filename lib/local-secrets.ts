import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Secrets a self-hosted install must keep but nobody should have to invent:
 * generated on first run into .env.local (git-ignored) and into
 * process.env, unless the environment (or an env file) already sets them.
 */
const GENERATED: Record<string, { make: () => string; when: () => boolean }> = {
  EARSHOT_SECRET: { make: () => randomBytes(32).toString("base64url"), when: () => true },
  NEXTAUTH_SECRET: { make: () => randomBytes(32).toString("base64url"), when: () => true },
  // Keys for the local LiveKit server; an external one comes with its own.
  LIVEKIT_API_KEY: { make: () => `earshot_${randomBytes(6).toString("hex")}`, when: () => !process.env.LIVEKIT_URL },
  LIVEKIT_API_SECRET: { make: () => randomBytes(32).toString("base64url"), when: () => !process.env.LIVEKIT_URL },
};

export function ensureLocalSecrets(dir: string): string[] {
  const file = join(dir, ".env.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const added: string[] = [];
  for (const [name, { make, when }] of Object.entries(GENERATED)) {
    if (!when()) continue;
    if (process.env[name] || new RegExp(`^${name}=`, "m").test(existing)) continue;
    const value = make();
    appendFileSync(file, `${existing && !existing.endsWith("\n") && added.length === 0 ? "\n" : ""}${name}=${value}\n`, { mode: 0o600 });
    process.env[name] = value;
    added.push(name);
  }
  return added;
}
