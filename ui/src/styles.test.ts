import { describe, expect, it } from "vitest";
import css from "./styles.css?raw";

describe("styles.css", () => {
  it("lays out in logical properties, so the Arabic UI mirrors: no left or right outside a right-to-left rule", () => {
    const physical = /\b(margin|padding|border)-(left|right)\b|(^|[\s;{])(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)|border-(top|bottom)-(left|right)-radius/;
    const offending = css
      .split("\n")
      .map((line, i) => ({ line: line.trim(), n: i + 1 }))
      .filter(({ line }) => physical.test(line) && !line.startsWith('[dir="rtl"]'));
    expect(offending).toEqual([]);
  });

  it("sets Latin text in a Latin face first and Chinese text in a CJK face first, on every platform", () => {
    // Punctuation both faces have (’ “ ”) takes the first face's form: full-width in a CJK face.
    expect(css).toMatch(/--font: "Noto Sans", system-ui, "Noto Sans CJK SC"/);
    expect(css.match(/--font-cjk:/g)).toHaveLength(3);
    expect(css).toContain(":lang(zh) { font-family: var(--font-cjk); }");
    expect(css).toContain(":lang(en), :lang(fr), :lang(es), :lang(ru) { font-family: var(--font); }");
  });

  it("names an Arabic font for Arabic text on every platform", () => {
    expect(css).toMatch(/--font-arabic: "Noto Sans Arabic"/);
    expect(css).toMatch(/--font-arabic-text: "Noto Naskh Arabic"/);
    expect(css.match(/--font-arabic:/g)).toHaveLength(3);
    expect(css).toContain(":lang(ar) { font-family: var(--font-arabic); }");
  });
});

describe("highlighting", () => {
  /** The layout properties of an element of class `cls` under the app's styles. */
  function layoutOf(cls: string): Record<string, string> {
    const style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
    const el = document.createElement("button");
    el.className = cls;
    document.body.appendChild(el);
    const s = getComputedStyle(el);
    const out = Object.fromEntries(["display", "padding", "line-height", "width", "gap"].map((p) => [p, s.getPropertyValue(p)]));
    el.remove();
    style.remove();
    return out;
  }

  it("changes colours only: an item or a slot highlighted keeps the layout it has otherwise", () => {
    expect(layoutOf("item depth-0 hit")).toEqual(layoutOf("item depth-0"));
    expect(layoutOf("slot hit")).toEqual(layoutOf("slot"));
    expect(layoutOf("slot hit selected")).toEqual(layoutOf("slot"));
  });
});
