"use client";

import { useRef } from "react";
import { can } from "../domain/permissions";
import type { useCallAudio } from "./use-call-audio";
import type { useCallRoom } from "./use-call-room";
import { useHandChime } from "./use-hand-chime";
import { useShortcuts } from "./use-shortcuts";
import { useSpeakerVolumes } from "./use-speaker-volumes";
import { useStoredSetting } from "./use-stored-setting";

/**
 * The call page's comfort controls: keyboard shortcuts (M, H, ?, push-to-talk), a volume per
 * speaker, and an admin's chime for raised hands; the choices are remembered by this browser.
 */
export function useListeningControls(r: ReturnType<typeof useCallRoom>, audio: ReturnType<typeof useCallAudio>) {
  const { room, connection } = r;
  const shortcutsDialog = useRef<HTMLDialogElement>(null);
  const [pushToTalk, setPushToTalk] = useStoredSetting("earshot:push-to-talk", false);
  const [handChime, setHandChime] = useStoredSetting("earshot:hand-chime", false);
  const volumes = useSpeakerVolumes(audio.room);
  const self = room.self;
  const voiceUp = audio.state.link === "connected" || audio.state.link === "reconnecting";
  const micReady = voiceUp && audio.state.canPublish;
  useHandChime(room.people.audienceCount.hands, handChime && !!self && can(self.role, "moderate"));
  useShortcuts(
    {
      toggleMic: micReady ? () => audio.setMicrophone(!audio.state.micOn) : null,
      toggleHand: self && !can(self.role, "publishMicrophone") ? () => void r.act("hand:set", { raised: !self.handRaised }) : null,
      pushToTalk: micReady && pushToTalk ? (down) => audio.setMicrophone(down) : null,
      showList: () => shortcutsDialog.current?.showModal(),
    },
    room.synced && !room.ended && connection.status !== "closed",
  );
  return { shortcutsDialog, pushToTalk, setPushToTalk, volumes, handChime, setHandChime };
}
