import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInPath } from "@/lib/domain/callback-url";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackUrl("/calls?status=live")).toBe("/calls?status=live");
    expect(safeCallbackUrl(["/profile", "/other"])).toBe("/profile");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "calls", "/a\nb", ""]) {
      expect(safeCallbackUrl(bad, "/home")).toBe("/home");
    }
    expect(safeCallbackUrl(undefined)).toBe("/");
  });

  it("builds the sign-in address that returns to a page", () => {
    expect(signInPath("/calls/a-b-c/history")).toBe("/signin?callbackUrl=%2Fcalls%2Fa-b-c%2Fhistory");
    expect(signInPath("/")).toBe("/signin");
  });
});
