import type { ZodError } from "zod";
import type { ErrorBody } from "../contracts/errors";
import { AppError, isAppError } from "../domain/errors";

/** A zod failure as one readable sentence: "title: a title can be at most 120 characters". */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const where = i.path.length ? `${i.path.join(".")}: ` : "";
      return `${where}${i.message}`;
    })
    .join("; ");
}

export const invalidInput = (error: ZodError) => new AppError("INVALID_INPUT", describeZodError(error));

/**
 * Any thrown value as the wire error. Unknown errors are logged with their
 * context and reach the client as INTERNAL without internals.
 */
export function toErrorBody(e: unknown, context: string): { body: ErrorBody; error: AppError } {
  if (isAppError(e)) return { body: { error: { code: e.code, message: e.message, ...e.details } }, error: e };
  console.error(`[earshot] unexpected error in ${context}:`, e);
  const error = new AppError("INTERNAL", "Something went wrong on our side; please try again.");
  return { body: { error: { code: error.code, message: error.message } }, error };
}
