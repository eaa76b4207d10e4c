import type { z } from "zod";
import { commandSchema, type CommandInput, type CommandName } from "../contracts/commands";
import { invalidInput } from "./errors";

/** Parses input with a contract schema; a failure is INVALID_INPUT naming the field. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** A command's payload, parsed with its schema from the command table. */
export function parseCommand<N extends CommandName>(name: N, payload: unknown): CommandInput<N> {
  const parsed = commandSchema[name].safeParse(payload);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}
