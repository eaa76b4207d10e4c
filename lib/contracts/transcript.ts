import { z } from "zod";

/** `GET /api/calls/:id/transcript?format=`: the whole transcript as a file, Markdown (default) or JSON. */
export const TranscriptQuerySchema = z.object({ format: z.enum(["md", "json"]).default("md") }).strict();
export type TranscriptQuery = z.infer<typeof TranscriptQuerySchema>;
