// ESLint (flat config): typescript-eslint, React hooks, Next's rules, and the import boundaries of
// docs/ARCHITECTURE.md ("Folders": who may import what). Change the table and BOUNDARIES together.
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Every folder (or module) under lib/, as an import path names it. */
const LIB = [
  "contracts",
  "domain",
  "services",
  "db",
  "livekit",
  "recording",
  "limits",
  "cluster",
  "auth",
  "http",
  "realtime",
  "client",
  "adapters",
  "context",
  "env",
  "local-secrets",
];

/**
 * What each part of lib/ may import from the rest of lib/ (everything else there is refused).
 * `types`: imported for their types only (`import type`), as the ports are by their implementations.
 */
const BOUNDARIES = {
  contracts: { may: [] },
  domain: { may: ["contracts"] },
  services: { may: ["contracts", "domain"] },
  db: { may: ["contracts", "domain"], types: ["services"] },
  livekit: { may: ["contracts", "domain", "env"], types: ["services"] },
  recording: { may: ["domain"], types: ["services"] },
  limits: { may: ["domain", "cluster"], types: ["services", "env"] },
  cluster: { may: [], types: ["services"] },
  auth: { may: ["contracts", "domain"] },
  http: { may: ["contracts", "domain"], types: ["env"] },
  realtime: { may: ["contracts", "domain", "services", "http", "auth", "cluster", "adapters"] },
  client: { may: ["contracts", "domain"] },
  adapters: { may: ["contracts", "domain", "services", "db", "auth", "http", "context", "env", "livekit"] },
};

/** Packages that pure code (contracts, domain) and browser code must not pull in. */
const SERVER_PACKAGES = ["@prisma/*", "@libsql/*", "pg", "livekit-server-sdk", "@livekit/rtc-node", "socket.io", "redis", "node:*"];
const FRAMEWORKS = ["next", "next/*", "next-auth", "next-auth/*", "react", "react-dom", "socket.io-client", "livekit-client"];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); // names hold letters and "-", which needs no escape (and must not get one: the pattern is a unicode RegExp)
/** `../x`, `../x/y` from inside lib/ (`inLib`), and `@/lib/x...` from anywhere. */
const libPath = (names, inLib = true) => `^(${inLib ? "\\.\\./|" : ""}@/lib/|(\\.\\./)+lib/)(${names.map(escape).join("|")})(/|$)`;

function boundary(folder, rule) {
  const refused = LIB.filter((n) => n !== folder && !rule.may.includes(n) && !(rule.types ?? []).includes(n));
  const patterns = [
    {
      regex: libPath(refused),
      message: `lib/${folder} may import only ${[...rule.may, ...(rule.types ?? []).map((t) => `types of ${t}`)].join(", ") || "zod"} (docs/ARCHITECTURE.md).`,
    },
  ];
  if (rule.types?.length)
    patterns.push({
      regex: libPath(rule.types),
      allowTypeImports: true,
      message: `lib/${folder} may import only the types of ${rule.types.join(", ")} (docs/ARCHITECTURE.md).`,
    });
  const pure = folder === "contracts" || folder === "domain";
  const paths =
    pure || folder === "client"
      ? [
          {
            group: [...SERVER_PACKAGES, ...(pure ? FRAMEWORKS : [])],
            message: `lib/${folder} must not depend on ${pure ? "frameworks or I/O" : "server-only packages"}.`,
          },
        ]
      : [];
  return {
    files: [`lib/${folder}/**/*.{ts,tsx}`],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...patterns, ...paths] }] },
  };
}

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "data/**", "test-results/**", ".cache/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
    },
  },
  {
    // Tests and benchmarks read untyped JSON and child-process messages, and use comma sequences in callbacks.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-expressions": "off" },
  },
  {
    // Every rule of react-hooks' recommended set but one: set-state-in-effect flags hooks that copy
    // what only the browser knows (the clock, localStorage, the microphone's level, the unread mark)
    // into state after mount, on purpose: doing it during render would break hydration.
    files: ["**/*.tsx", "lib/client/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, "react-hooks/exhaustive-deps": "error", "react-hooks/set-state-in-effect": "off" },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs["core-web-vitals"].rules },
  },
  ...Object.entries(BOUNDARIES).map(([folder, rule]) => boundary(folder, rule)),
  {
    // UI: props in, callbacks out; rules from the domain, data through the client.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: libPath(
                LIB.filter((n) => !["contracts", "domain", "client"].includes(n)),
                false,
              ),
              message: "components may import only lib/contracts, lib/domain and lib/client (docs/ARCHITECTURE.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // Settings are read (and validated) in one place; everything else asks lib/env.ts.
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "server.ts", "proxy.ts"],
    ignores: ["lib/env.ts"],
    rules: { "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts." }] },
  },
  {
    // Pages and route handlers are adapters: no Prisma, no database layer.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: libPath(["db"], false), message: "app/ goes through lib/services, never lib/db." },
            { group: ["@prisma/*"], message: "No Prisma in app/." },
          ],
        },
      ],
    },
  },
);
