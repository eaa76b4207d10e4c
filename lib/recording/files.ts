import { rm, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { RecordingFiles } from "../services/ports";

/** Recording files live in EARSHOT_DATA_DIR/recordings, named by the recording's id. */
export function recordingsDir(dataDir: string): string {
  return resolve(dataDir, "recordings");
}

export function recordingFiles(dir: string): RecordingFiles {
  // basename: a stored name can never point outside the folder.
  const pathOf = (file: string) => join(dir, basename(file));
  return {
    pathOf,
    async stat(file) {
      try {
        const s = await stat(pathOf(file));
        return { size: s.size, modifiedAt: s.mtime };
      } catch {
        return null;
      }
    },
    remove: (file) => rm(pathOf(file), { force: true }),
  };
}
