import { z } from "zod";

const int = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);
const rate = (fallback: number) => z.coerce.number().positive().default(fallback);

/** Where browsers reach the media server: the server decides it for tokens, the page CSP allows it. */
const mediaUrlFields = {
  // An external LiveKit (or cluster): all three (with LIVEKIT_API_KEY and LIVEKIT_API_SECRET), or none to run a local one.
  LIVEKIT_URL: z
    .string()
    .regex(/^(wss?|https?):\/\//, "must be a ws://, wss://, http:// or https:// URL")
    .optional(),
  /** Where browsers reach LiveKit, when that differs from LIVEKIT_URL (e.g. behind a proxy). */
  LIVEKIT_PUBLIC_URL: z
    .string()
    .regex(/^wss?:\/\//, "must be a ws:// or wss:// URL")
    .optional(),
  /** The local LiveKit server's port. */
  LIVEKIT_PORT: int(7880, 1),
};
const MediaUrlSchema = z.object(mediaUrlFields);
export type MediaUrlSettings = z.infer<typeof MediaUrlSchema>;

/** Every setting Earshot reads; .env.example documents each one. */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: int(3000, 0).refine((n) => n <= 65535, "must be a port number (0-65535)"),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .default("file:./data/earshot.db")
      .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), "must be a file: URL (SQLite) or a postgres:// URL"),
    EARSHOT_SECRET: z.string().min(32, "must be at least 32 characters (it signs participant credentials)"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (it encrypts sign-in sessions)"),
    NEXTAUTH_URL: z.string().url("must be the public URL of this site, e.g. https://earshot.example").optional(),
    /** Emails of site admins, comma-separated. */
    ADMIN_EMAILS: z.string().default(""),
    GITHUB_ID: z.string().optional(),
    GITHUB_SECRET: z.string().optional(),
    GOOGLE_CLIENT_ID: z.string().optional(),
    GOOGLE_CLIENT_SECRET: z.string().optional(),
    /** Trust X-Forwarded-For for client addresses (only behind a proxy you run). */
    TRUST_PROXY: z.enum(["true", "false"]).default("false"),
    CREDENTIAL_TTL_HOURS: int(24 * 7, 1),
    COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
    PRESENCE_TIMEOUT_MS: int(60_000, 100),
    CALL_GRACE_MS: int(600_000, 0),
    SWEEP_INTERVAL_MS: int(5_000, 50),
    // Rate limits (docs/OPERATIONS.md#security): a refill rate and a burst each.
    CHAT_RATE_PER_SEC: rate(5),
    CHAT_BURST: int(10, 1),
    CHAT_ADDRESS_RATE_PER_SEC: rate(20),
    CHAT_ADDRESS_BURST: int(40, 1),
    REACTION_RATE_PER_SEC: rate(2),
    REACTION_BURST: int(6, 1),
    JOIN_RATE_PER_MIN: rate(30),
    JOIN_BURST: int(30, 1),
    CREATE_CALL_RATE_PER_MIN: rate(10),
    CREATE_CALL_BURST: int(10, 1),
    MODERATION_RATE_PER_MIN: rate(120),
    MODERATION_BURST: int(60, 1),
    SELF_CHANGE_RATE_PER_MIN: rate(120),
    SELF_CHANGE_BURST: int(30, 1),
    LOOKUP_FAIL_RATE_PER_MIN: rate(30),
    LOOKUP_FAIL_BURST: int(30, 1),
    SIGNIN_RATE_PER_MIN: rate(5),
    SIGNIN_BURST: int(10, 1),
    SIGNIN_CEILING_RATE_PER_MIN: rate(20),
    SIGNIN_CEILING_BURST: int(50, 1),
    // How long a connection may take to send its request headers, or its whole request; idle keep-alive connections close after KEEP_ALIVE_TIMEOUT_MS.
    HEADERS_TIMEOUT_MS: int(20_000, 100),
    REQUEST_TIMEOUT_MS: int(60_000, 100),
    KEEP_ALIVE_TIMEOUT_MS: int(5_000, 100),
    EARSHOT_DATA_DIR: z.string().default("./data"),
    /** Finished recordings are removed after this many days; 0 keeps them forever. */
    RECORDING_RETENTION_DAYS: int(30, 0),
    /** The ffmpeg that encodes recordings (Opus); recording is unavailable without one. */
    FFMPEG_PATH: z.string().min(1).default("ffmpeg"),
    /** Cluster mode: the Redis every node shares (Socket.IO adapter, rate limits, presence). */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
    /** This node's name in a cluster (its presence and sessions); default: host name and port. */
    NODE_ID: z
      .string()
      .regex(/^[\w.-]{1,64}$/, "may hold letters, digits, '.', '-' and '_' (at most 64)")
      .optional(),

    // An external LiveKit (or cluster): all three, or none to run a local one.
    LIVEKIT_API_KEY: z.string().min(1).optional(),
    LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ...mediaUrlFields,
    // The local LiveKit server (used when LIVEKIT_URL is not set).
    LIVEKIT_BIND: z.string().default("127.0.0.1"),
    LIVEKIT_NODE_IP: z.string().optional(),
    LIVEKIT_RTC_TCP_PORT: int(7881, 1),
    LIVEKIT_RTC_UDP_PORT: int(7882, 1),
  })
  .refine((e) => !e.LIVEKIT_URL || (e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET), {
    path: ["LIVEKIT_URL"],
    message: "is set, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set too (the external server's keys)",
  })
  .refine((e) => !e.REDIS_URL || /^postgres(ql)?:\/\//.test(e.DATABASE_URL), {
    path: ["REDIS_URL"],
    message:
      "turns on cluster mode, which needs Postgres: every node must share one database, and SQLite is a file on one machine (set DATABASE_URL to a postgres:// URL, or unset REDIS_URL to run one node)",
  });
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Validates the environment once at start-up; each bad setting gets a sentence naming it. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = setOnly(source);
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0] ?? "environment");
    const problem = i.code === "invalid_type" && cleaned[name] === undefined ? "is required" : i.message;
    return `- ${name} ${problem}.`;
  });
  throw new EnvError(`Earshot cannot start; fix these settings (see .env.example):\n${lines.join("\n")}`);
}

const setOnly = (source: Record<string, string | undefined>) => Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));

/**
 * The media-server URL settings, for code that runs outside server.ts's context (the page proxy
 * that writes the CSP). server.ts has validated them at start-up, so a parse here cannot fail
 * unless the environment changed under a running process.
 */
export function mediaUrlSettings(source: Record<string, string | undefined> = process.env): MediaUrlSettings {
  return MediaUrlSchema.parse(setOnly(source));
}

/** Production mode (`npm start`); anything else runs Next in development. */
export function isProduction(source: Record<string, string | undefined> = process.env): boolean {
  return source.NODE_ENV === "production";
}

/** Next's development mode (hot reload, eval in the CSP); read from NODE_ENV as Next itself does. */
export function isDevelopment(source: Record<string, string | undefined> = process.env): boolean {
  return source.NODE_ENV === "development";
}

/**
 * The process's environment itself, for the code that fills it before the settings are read
 * (generated local secrets), or that must hand it on (next-auth reads NEXTAUTH_URL there; a child
 * process inherits it). Settings themselves are read through parseEnv and the readers above.
 */
export function processEnvironment(): NodeJS.ProcessEnv {
  return process.env;
}

const ToolSettingsSchema = z.object({
  /** Where a built LiveKit server is cached (default: $XDG_CACHE_HOME/earshot, else ~/.cache/earshot). */
  EARSHOT_CACHE_DIR: z.string().optional(),
  XDG_CACHE_HOME: z.string().optional(),
  /** A LiveKit server binary to use instead of finding or building one. */
  LIVEKIT_BIN: z.string().optional(),
  PATH: z.string().default(""),
});

/** What LiveKit provisioning reads, before and outside the server (npm test provisions first). */
export function toolSettings(source: Record<string, string | undefined> = process.env): z.infer<typeof ToolSettingsSchema> {
  return ToolSettingsSchema.parse(setOnly(source));
}
