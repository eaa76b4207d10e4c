// First-run convenience for a local install (`./run`): secrets nobody should
// have to invent are generated into .env.local. `npm start` itself never
// invents them: in production a missing secret is a start-up error.
import nextEnv from "@next/env";
import { ensureLocalSecrets } from "../lib/local-secrets";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => undefined, error: console.error });
for (const name of ensureLocalSecrets(process.cwd())) console.log(`[earshot] generated ${name} into .env.local (keep it; it is not committed)`);
