// Makes sure a LiveKit server binary is available (found, cached, or built
// once with Go, printing progress). Used by `npm test` and `./run`.
import { LiveKitUnavailable, provisionLiveKit } from "../lib/livekit/provision";

try {
  const binary = await provisionLiveKit();
  console.log(`[livekit] using ${binary}`);
} catch (e) {
  if (e instanceof LiveKitUnavailable) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
