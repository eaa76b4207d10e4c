import type { Role } from "../contracts/roles";

export type Action = "hearAudio" | "readChat" | "sendChat" | "publishMicrophone" | "moderate";

/** The permission matrix of API.md: each role's rights include those of the roles before it. */
const MATRIX: Record<Role, ReadonlySet<Action>> = {
  listener: new Set(["hearAudio", "readChat"]),
  chatter: new Set(["hearAudio", "readChat", "sendChat"]),
  speaker: new Set(["hearAudio", "readChat", "sendChat", "publishMicrophone"]),
  admin: new Set(["hearAudio", "readChat", "sendChat", "publishMicrophone", "moderate"]),
};

export function can(role: Role, action: Action): boolean {
  return MATRIX[role].has(action);
}

/** Why a role may not do something, in a sentence for the person. */
export function refusal(role: Role, action: Action): string {
  const needs: Record<Action, string> = {
    hearAudio: "anyone in the call",
    readChat: "anyone in the call",
    sendChat: "chatters, speakers and admins",
    publishMicrophone: "speakers and admins",
    moderate: "admins",
  };
  return `You are a ${role}; only ${needs[action]} can do that.`;
}
