import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/contracts/roles";
import { roomPermission } from "@/lib/livekit/audio-room";
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
        // The audience joins hidden: nobody is told about a listener or chatter.
        hidden: !speaks,
      });
      expect(claims.video.roomAdmin).toBeUndefined();
    });
  }
});

describe("LiveKit permission updates from roles", () => {
  it("unhide and allow publishing in one set for the stage, hide and revoke it for the audience (every field, since it replaces)", () => {
    expect(roomPermission("speaker")).toMatchObject({ hidden: false, canPublish: true, canSubscribe: true, canPublishData: false, canUpdateMetadata: false });
    expect(roomPermission("admin")).toMatchObject({ hidden: false, canPublish: true });
    for (const role of ["listener", "chatter"] as const) expect(roomPermission(role)).toMatchObject({ hidden: true, canPublish: false, canPublishSources: [] });
  });
});
