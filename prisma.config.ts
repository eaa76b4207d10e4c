// Prisma CLI config. `engine: "js"` with a driver adapter keeps the CLI on its
// WASM schema engine: the native engine would be downloaded from a host we
// cannot reach. EARSHOT_PRISMA_TARGET=postgres points the CLI at the derived
// Postgres schema (scripts/prisma-generate.mjs and scripts/new-migration.mjs).
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

const postgres = process.env.EARSHOT_PRISMA_TARGET === "postgres";
const url = process.env.DATABASE_URL ?? (postgres ? "postgresql://localhost/earshot" : "file:./data/earshot.db");
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaLibSQL({ url });
  },
});
