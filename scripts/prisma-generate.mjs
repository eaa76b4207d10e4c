// Generates both Prisma clients (SQLite and Postgres). Runs as postinstall:
// @prisma/client's own postinstall is denied in package.json (allowScripts)
// because its engines package tries a download we cannot make.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const prismaCli = `${root}node_modules/prisma/build/index.js`;
for (const target of ["sqlite", "postgres"]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--no-hints"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: undefined, EARSHOT_PRISMA_TARGET: target, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  console.log(`generated the ${target} Prisma client`);
}
