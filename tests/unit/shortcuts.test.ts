import { describe, expect, it } from "vitest";
import { shortcutOf } from "@/lib/client/shortcuts";

const key = (k: string, target: object | null = { tagName: "BODY" }, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) =>
  shortcutOf({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods, target: target as EventTarget });

describe("keyboard shortcuts", () => {
  it("M, H (either case), held Space and ? are shortcuts on the page", () => {
    expect(key("m")).toBe("m");
    expect(key("M")).toBe("m");
    expect(key("h")).toBe("h");
    expect(key(" ")).toBe(" ");
    expect(key("?")).toBe("?");
    expect(key("x")).toBeNull();
  });

  it("typing is never a shortcut, nor are the browser's and screen readers' modified keys", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT"]) expect(key("m", { tagName })).toBeNull();
    expect(key("m", { tagName: "DIV", isContentEditable: true })).toBeNull();
    expect(key("m", undefined, { ctrlKey: true })).toBeNull();
    expect(key("h", undefined, { altKey: true })).toBeNull();
    expect(key("m", undefined, { metaKey: true })).toBeNull();
    // Space on a focused button presses the button.
    expect(key(" ", { tagName: "BUTTON" })).toBeNull();
    expect(key("m", { tagName: "BUTTON" })).toBe("m");
  });
});
