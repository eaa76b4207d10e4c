import type { Role } from "../contracts/roles";
import { can } from "./permissions";

/**
 * What a role may do in the audio room. Listeners and chatters subscribe only;
 * speakers and admins may also publish their microphone, nothing else. No one
 * gets the data channel or room-admin rights: moderation goes through our server.
 */
export interface AudioPermissions {
  canSubscribe: true;
  canPublish: boolean;
  canPublishData: false;
  publishSources: "microphone"[];
}

export function audioPermissions(role: Role): AudioPermissions {
  const publish = can(role, "publishMicrophone");
  return { canSubscribe: true, canPublish: publish, canPublishData: false, publishSources: publish ? ["microphone"] : [] };
}
