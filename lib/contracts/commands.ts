import { z } from "zod";
import { ClientIdSchema, MessageBodySchema } from "./chat";
import { ParticipantIdSchema, type CallDto, type LiveKitAccess, type MessageDto, type ParticipantDto } from "./dto";
import { ReactionSendSchema } from "./reactions";
import { ConsentSetSchema, RecordingSetSchema } from "./recording";
import { MessageRemoveSchema } from "./remove-message";
import { StageAnswerSchema, StageInviteSchema } from "./stage-invite";
import { DefaultRoleSchema, RoleSchema } from "./roles";

export const ChatSendSchema = z.strictObject({ clientId: ClientIdSchema, body: MessageBodySchema });
export const MuteSetSchema = z.strictObject({ muted: z.boolean() });
export const HandSetSchema = z.strictObject({ raised: z.boolean() });
export const RoleSetSchema = z.strictObject({ participantId: ParticipantIdSchema, role: RoleSchema });
/** An admin action aimed at one participant. */
export const ParticipantTargetSchema = z.strictObject({ participantId: ParticipantIdSchema });
/** `ban` also keeps them out: by account for a signed-in user, by browser for a guest. */
export const RemoveSchema = z.strictObject({ participantId: ParticipantIdSchema, ban: z.boolean().default(false) });
/** Accepting a raised hand: as a speaker unless said otherwise (chatter only for listeners). */
export const InviteSchema = z.strictObject({ participantId: ParticipantIdSchema, as: z.enum(["speaker", "chatter"]).default("speaker") });
export const LockSchema = z.strictObject({ locked: z.boolean() });
export const DefaultRoleSetSchema = z.strictObject({ role: DefaultRoleSchema });
export const EmptySchema = z.strictObject({});

/**
 * Every command a participant sends over the socket, each with one payload
 * schema. The socket's event map (`ClientToServerEvents`), its handlers and the
 * REST twins all come from this table, so the transports cannot drift apart.
 */
export const COMMAND_NAMES = [
  "chat:send",
  "mute:set",
  "hand:set",
  "role:set",
  "participant:mute",
  "participant:remove",
  "participants:mute-all",
  "hand:invite",
  "hand:dismiss",
  "hands:lower-all",
  "call:lock",
  "call:default-role",
  "call:end",
  "audio:token",
  "recording:set",
  "recording:consent",
  "stage:invite",
  "stage:answer",
  "chat:remove",
  "reaction:send",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const COMMAND_SCHEMAS = {
  "chat:send": ChatSendSchema,
  "mute:set": MuteSetSchema,
  "hand:set": HandSetSchema,
  "role:set": RoleSetSchema,
  "participant:mute": ParticipantTargetSchema,
  "participant:remove": RemoveSchema,
  "participants:mute-all": EmptySchema,
  "hand:invite": InviteSchema,
  "hand:dismiss": ParticipantTargetSchema,
  "hands:lower-all": EmptySchema,
  "call:lock": LockSchema,
  "call:default-role": DefaultRoleSetSchema,
  "call:end": EmptySchema,
  // Any field is refused: nobody can ask for someone else's token.
  "audio:token": EmptySchema,
  "recording:set": RecordingSetSchema,
  "recording:consent": ConsentSetSchema,
  "stage:invite": StageInviteSchema,
  "stage:answer": StageAnswerSchema,
  "chat:remove": MessageRemoveSchema,
  "reaction:send": ReactionSendSchema,
} satisfies Record<CommandName, z.ZodType>;

/** What a client sends (defaults not yet applied). */
export type CommandPayload<N extends CommandName> = z.input<(typeof COMMAND_SCHEMAS)[N]>;
/** What the service receives, once parsed. */
export type CommandInput<N extends CommandName> = z.output<(typeof COMMAND_SCHEMAS)[N]>;

type Participant = { participant: ParticipantDto };
type Call = { call: CallDto };
type Done = Record<string, never>;

/** What each command answers on success: the socket's ack adds `ok: true`; REST sends it as the body (`{}` as 204). */
export interface CommandResults {
  "chat:send": { message: MessageDto; duplicate: boolean };
  "mute:set": Participant;
  "hand:set": Participant;
  "role:set": Participant;
  "participant:mute": Participant;
  "participant:remove": Done;
  "participants:mute-all": Done;
  "hand:invite": Participant;
  "hand:dismiss": Participant;
  "hands:lower-all": Done;
  "call:lock": Call;
  "call:default-role": Call;
  "call:end": Done;
  "audio:token": { livekit: LiveKitAccess | null };
  "recording:set": Call;
  "recording:consent": Participant;
  "stage:invite": Participant;
  "stage:answer": Participant;
  "chat:remove": { message: MessageDto };
  "reaction:send": Done;
}
export type CommandResult<N extends CommandName> = CommandResults[N];

/** The same table, typed per name so that a parse of command N is known to give N's input. */
export const commandSchema: { [N in CommandName]: z.ZodType<CommandInput<N>, CommandPayload<N>> } = COMMAND_SCHEMAS;
