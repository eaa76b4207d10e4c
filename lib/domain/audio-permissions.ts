import type { Role } from "../contracts/roles";
import { can } from "./permissions";
import { isOnStage } from "./stage";

/**
 * What a role may do in the audio room. Listeners and chatters subscribe only;
 * speakers and admins may also publish their microphone, nothing else. No one
 * gets the data channel or room-admin rights: moderation goes through our server.
 * The audience is hidden: the media server announces it to nobody, so a crowd
 * of listeners costs the room no per-person fan-out (the stage stays visible).
 */
export interface AudioPermissions {
  canSubscribe: true;
  canPublish: boolean;
  canPublishData: false;
  publishSources: "microphone"[];
  hidden: boolean;
}

export function audioPermissions(role: Role): AudioPermissions {
  const publish = can(role, "publishMicrophone");
  return { canSubscribe: true, canPublish: publish, canPublishData: false, publishSources: publish ? ["microphone"] : [], hidden: !isOnStage(role) };
}
