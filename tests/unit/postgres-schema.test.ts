import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without type declarations
import { derivePostgresSchema, postgresSchemaPath, sqliteSchemaPath } from "../../scripts/derive-postgres-schema.mjs";

describe("derived Postgres schema", () => {
  it("is in step with prisma/schema.prisma (run `npm run db:schema:postgres`)", () => {
    expect(readFileSync(postgresSchemaPath, "utf8")).toBe(derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8")));
  });
});
