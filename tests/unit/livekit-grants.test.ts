import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/contracts/roles";
import { mintToken, TOKEN_TTL_SECONDS } from "@/lib/livekit/tokens";

const keys = { apiKey: "key", apiSecret: "s".repeat(40) };
const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8"));

describe("LiveKit tokens from roles", () => {
  for (const role of ROLES) {
    it(`${role}: every grant field`, async () => {
      const claims = decode(await mintToken(keys, { callId: "a-b-c", participantId: "p1", displayName: "pleb-x", role }));
      const speaks = role === "speaker" || role === "admin";
      expect(claims.sub).toBe("p1");
      expect(claims.name).toBe("pleb-x");
      expect(claims.iss).toBe("key");
      expect(claims.attributes).toEqual({ role });
      expect(claims.exp - claims.nbf).toBe(TOKEN_TTL_SECONDS);
      expect(claims.video).toEqual({
        roomJoin: true,
        room: "a-b-c",
        canSubscribe: true,
        canPublish: speaks,
        canPublishData: false,
        canPublishSources: speaks ? ["microphone"] : [],
        canUpdateOwnMetadata: false,
      });
      expect(claims.video.roomAdmin).toBeUndefined();
    });
  }
});
