/** Socket.IO room names: everyone in a call, the call's admins, and every connection of one participant. */
export const callRoom = (callId: string) => `call:${callId}`;
export const adminRoom = (callId: string) => `admins:${callId}`;
export const participantRoom = (participantId: string) => `p:${participantId}`;
