import { z } from "zod";
import { ParticipantIdSchema } from "./dto";

/** `stage:invite` (admins): ask someone in the audience to join the stage as a speaker. */
export const StageInviteSchema = z.strictObject({ participantId: ParticipantIdSchema });
/** `stage:answer` (the invited person): Accept (`true`) or Not now (`false`). */
export const StageAnswerSchema = z.strictObject({ accept: z.boolean() });
export type StageAnswer = z.infer<typeof StageAnswerSchema>;
