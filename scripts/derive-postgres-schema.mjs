// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the source of
// truth). A Prisma client is generated for one provider only, so Postgres gets
// its own schema file, client and migrations folder with the same models.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const sqliteSchemaPath = `${root}prisma/schema.prisma`;
export const postgresSchemaPath = `${root}prisma/postgres/schema.prisma`;

export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgres"')
    .replace(/^\/\/ Source of truth.*\n\/\/.*\n/m, "// GENERATED from prisma/schema.prisma by `npm run db:schema:postgres`: edit that file.\n");
  if (!out.includes('"postgresql"') || !out.includes("generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider/output lines this script rewrites");
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(`${root}prisma/postgres`, { recursive: true });
  writeFileSync(postgresSchemaPath, derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8")));
  console.log("wrote prisma/postgres/schema.prisma");
}
