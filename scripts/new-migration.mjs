// Writes a new migration for SQLite and Postgres: the SQL that takes the schema
// as committed at a git revision (default HEAD) to prisma/schema.prisma now.
// Usage: npm run db:migration -- <name> [--from <rev>]
// Why not `prisma migrate dev`: its shadow database runs through the driver
// adapter, which executes only the first statement of each migration file, so
// its diffs come out wrong. Diffing two datamodels needs no database.
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema, postgresSchemaPath, sqliteSchemaPath } from "./derive-postgres-schema.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--from");
const fromRev = args.includes("--from") ? args[args.indexOf("--from") + 1] : "HEAD";
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name> [--from <git-rev>]");
  process.exit(2);
}

const current = readFileSync(sqliteSchemaPath, "utf8");
writeFileSync(postgresSchemaPath, derivePostgresSchema(current));
let previous = null;
try {
  previous = execFileSync("git", ["show", `${fromRev}:prisma/schema.prisma`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
} catch {
  previous = null; // no committed schema yet: diff from empty
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const work = mkdtempSync(join(tmpdir(), "earshot-migration-"));
for (const target of ["sqlite", "postgres"]) {
  const to = target === "sqlite" ? sqliteSchemaPath : postgresSchemaPath;
  const from = previous === null ? ["--from-empty"] : ["--from-schema-datamodel", writeTemp(target, previous)];
  const sql = execFileSync(
    process.execPath,
    [`${root}node_modules/prisma/build/index.js`, "migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"],
    { cwd: root, encoding: "utf8", env: { ...process.env, EARSHOT_PRISMA_TARGET: target, DATABASE_URL: diffDatabaseUrl(target) } },
  );
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/.test(sql)) {
    console.log(`${target}: no schema change`);
    continue;
  }
  const dir = target === "sqlite" ? `${root}prisma/migrations/${stamp}_${name}` : `${root}prisma/postgres/migrations/${stamp}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/migration.sql`, sql);
  console.log(`${target}: wrote ${dir.slice(root.length)}/migration.sql`);
}

// The CLI opens a connection through the adapter even for a datamodel diff.
function diffDatabaseUrl(target) {
  if (target === "sqlite") return `file:${join(work, "diff.db")}`;
  return execFileSync(`${root}scripts/postgres.sh`, ["start"], { encoding: "utf8" }).trim();
}

function writeTemp(target, sqliteSchema) {
  const file = join(work, `${target}.prisma`);
  writeFileSync(file, target === "sqlite" ? sqliteSchema : derivePostgresSchema(sqliteSchema));
  return file;
}
