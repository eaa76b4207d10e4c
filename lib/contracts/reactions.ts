import { z } from "zod";

/** The small fixed set of reactions, with the words screen readers and buttons use. */
export const REACTIONS = {
  "👏": "applause",
  "❤️": "love",
  "😂": "laughter",
  "🎉": "celebration",
  "👍": "thumbs up",
  "🔥": "fire",
} as const;
export type Reaction = keyof typeof REACTIONS;
export const REACTION_EMOJI = Object.keys(REACTIONS) as [Reaction, ...Reaction[]];

/** `reaction:send`: one reaction from the sender (never stored, never in the chat). */
export const ReactionSendSchema = z.strictObject({ emoji: z.enum(REACTION_EMOJI) });

/** `reactions`: what the call reacted with in the last window, counted per emoji (coalesced: one event per window). */
export type ReactionBurst = { counts: Partial<Record<Reaction, number>> };
