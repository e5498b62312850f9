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

  it("names an Arabic font for Arabic text on every platform", () => {
    expect(css).toMatch(/--font-arabic: "Noto Sans Arabic"/);
    expect(css).toMatch(/--font-arabic-text: "Noto Naskh Arabic"/);
    expect(css.match(/--font-arabic:/g)).toHaveLength(3);
    expect(css).toContain(":lang(ar) { font-family: var(--font-arabic); }");
  });
});
