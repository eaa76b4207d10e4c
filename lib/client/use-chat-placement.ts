"use client";

import { useState } from "react";

/** Where the chat shows: beside the stage on wide screens (open unless hidden), as a sheet on a phone (closed unless opened). */
export function useChatPlacement() {
  const [desktopOpen, setDesktopOpen] = useState(true);
  const [sheetOpen, setSheetOpen] = useState(false);
  return {
    desktopOpen,
    sheetOpen,
    toggleDesktop: () => setDesktopOpen((o) => !o),
    toggleSheet: () => setSheetOpen((o) => !o),
    // The chat's own close button: whichever placement is showing it.
    hide: () => (setSheetOpen(false), setDesktopOpen(false)),
  };
}
