import { RecordingIdSchema } from "../contracts/recording";
import { AppError } from "../domain/errors";

/** The path's recording id; anything that cannot be one is simply not found. */
export function recordingIdParam(params: { rid: string }): string {
  if (!RecordingIdSchema.safeParse(params.rid).success) throw new AppError("RECORDING_NOT_FOUND", "There is no such recording of this call.");
  return params.rid;
}
