import { describe, expect, it } from "vitest";
import { extractCallId } from "@/lib/contracts/call-id";
import { CreateCallBodySchema, MessagesQuerySchema } from "@/lib/contracts/rest";
import { ChatSendSchema, RoleSetSchema } from "@/lib/contracts/commands";

describe("contract schemas", () => {
  it("accept a valid create-call body and refuse unknown fields and admin as default", () => {
    expect(CreateCallBodySchema.parse({ defaultRole: "chatter", title: "  Hi  " })).toEqual({ defaultRole: "chatter", title: "Hi" });
    expect(CreateCallBodySchema.safeParse({ defaultRole: "admin" }).success).toBe(false);
    expect(CreateCallBodySchema.safeParse({ defaultRole: "listener", requesterId: "x" }).success).toBe(false);
    expect(CreateCallBodySchema.safeParse({ defaultRole: "listener", title: "x".repeat(121) }).success).toBe(false);
  });

  it("trim chat bodies and hold them to 1..2000 characters", () => {
    expect(ChatSendSchema.parse({ clientId: "c-1", body: "  hello \n" }).body).toBe("hello");
    expect(ChatSendSchema.safeParse({ clientId: "c-1", body: "   " }).success).toBe(false);
    expect(ChatSendSchema.safeParse({ clientId: "c-1", body: "x".repeat(2000) }).success).toBe(true);
    expect(ChatSendSchema.safeParse({ clientId: "c-1", body: "x".repeat(2001) }).success).toBe(false);
    expect(ChatSendSchema.safeParse({ clientId: "", body: "x" }).success).toBe(false);
    expect(ChatSendSchema.safeParse({ clientId: "c 1", body: "x" }).success).toBe(false);
    expect(ChatSendSchema.safeParse({ clientId: "c1", body: 5 }).success).toBe(false);
  });

  it("validate role changes and message paging", () => {
    expect(RoleSetSchema.safeParse({ participantId: "p", role: "owner" }).success).toBe(false);
    expect(MessagesQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(MessagesQuerySchema.parse({ before: "12", limit: "5" })).toEqual({ before: "12", limit: 5 });
    expect(MessagesQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(MessagesQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
    expect(MessagesQuerySchema.safeParse({ before: "abc" }).success).toBe(false);
  });

  it("extract a call ID from whatever was pasted", () => {
    expect(extractCallId("banana-hello-helicopter")).toBe("banana-hello-helicopter");
    expect(extractCallId(" https://earshot.example/call/banana-hello-helicopter/ ")).toBe("banana-hello-helicopter");
    expect(extractCallId("http://localhost:3000/call/Banana-Hello-Helicopter?x=1")).toBe("banana-hello-helicopter");
    expect(extractCallId("banana-hello")).toBeNull();
    expect(extractCallId("https://example.com/other")).toBeNull();
  });

  it("accept a call ID as spoken: spaces, capitals, and a pasted link with escaped spaces", () => {
    expect(extractCallId("Hard Crater Bacon")).toBe("hard-crater-bacon");
    expect(extractCallId("  hard   crater_bacon ")).toBe("hard-crater-bacon");
    expect(extractCallId("HARD - CRATER - BACON")).toBe("hard-crater-bacon");
    expect(extractCallId("https://earshot.example/call/Hard%20Crater%20Bacon")).toBe("hard-crater-bacon");
    expect(extractCallId("hard crater")).toBeNull();
    expect(extractCallId("hard crater bacon eggs")).toBeNull();
  });
});
