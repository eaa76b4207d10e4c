import { command } from "@/lib/adapters/route";

export const POST = command("stage:answer");
