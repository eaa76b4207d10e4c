import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { processEnvironment } from "./env";

/**
 * Secrets a self-hosted install must keep but nobody should have to invent:
 * generated on first run into .env.local (git-ignored) and into
 * process.env, unless the environment (or an env file) already sets them.
 */
type Environment = Record<string, string | undefined>;
const GENERATED: Record<string, { make: () => string; when: (env: Environment) => boolean }> = {
  EARSHOT_SECRET: { make: () => randomBytes(32).toString("base64url"), when: () => true },
  NEXTAUTH_SECRET: { make: () => randomBytes(32).toString("base64url"), when: () => true },
  // Keys for the local LiveKit server; an external one comes with its own.
  LIVEKIT_API_KEY: { make: () => `earshot_${randomBytes(6).toString("hex")}`, when: (env) => !env.LIVEKIT_URL },
  LIVEKIT_API_SECRET: { make: () => randomBytes(32).toString("base64url"), when: (env) => !env.LIVEKIT_URL },
};

/** Fills `env` (the process's environment) with the secrets it lacks, generating them into .env.local once. */
export function ensureLocalSecrets(dir: string, env: Environment = processEnvironment()): string[] {
  const file = join(dir, ".env.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const added: string[] = [];
  for (const [name, { make, when }] of Object.entries(GENERATED)) {
    if (!when(env)) continue;
    if (env[name] || new RegExp(`^${name}=`, "m").test(existing)) continue;
    const value = make();
    appendFileSync(file, `${existing && !existing.endsWith("\n") && added.length === 0 ? "\n" : ""}${name}=${value}\n`, { mode: 0o600 });
    env[name] = value;
    added.push(name);
  }
  return added;
}
