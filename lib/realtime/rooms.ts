/** Socket.IO room names: everyone in a call, and every connection of one participant. */
export const callRoom = (callId: string) => `call:${callId}`;
export const participantRoom = (participantId: string) => `p:${participantId}`;
