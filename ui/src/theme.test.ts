import { afterEach, describe, expect, it, vi } from "vitest";
import css from "./styles.css?raw";
import { applyTheme, resolveTheme, setTheme, theme } from "./theme";

/** The theme colours of the rule whose selector is `selector` (the one of
 *  its rules that sets --bg). */
function variables(selector: string): Record<string, string> {
  const bodies = css.split(`\n${selector} {`).slice(1).map((rest) => rest.slice(0, rest.indexOf("}")));
  const body = bodies.find((b) => b.includes("--bg:"));
  if (body === undefined) throw new Error(`no theme rule ${selector}`);
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function luminance(hex: string): number {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG 2 contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// Text colour on the backgrounds it is set on.
const PAIRS: [string, string][] = [
  ...["--bg", "--panel", "--accent-soft", "--hit"].flatMap((bg) => ["--text", "--muted", "--accent"].map((fg): [string, string] => [fg, bg])),
  ["--on-accent", "--accent"],
  ["--header-text", "--header-bg"],
  ["--danger", "--panel"],
  ["--danger", "--bg"],
  ["--warn", "--panel"],
  ["--ok", "--panel"],
  ["--ok", "--bg"],
  ["--on-ok", "--ok"],
  // The current match of find in the document (::highlight(find-current)).
  ["--on-find", "--hit-line"],
];

describe("the themes' colours", () => {
  it("checks its ratios right: white on #6fb1ff is 2.2:1, black on white 21:1", () => {
    expect(contrast("#ffffff", "#6fb1ff")).toBeCloseTo(2.23, 2);
    expect(contrast("#000", "#fff")).toBeCloseTo(21, 5);
  });

  for (const [name, selector] of [
    ["light", ":root"],
    ["dark", ':root[data-theme="dark"]'],
  ] as const) {
    it(`${name}: every text colour meets WCAG AA (4.5:1) on its backgrounds`, () => {
      const vars = variables(selector);
      const failing = PAIRS.map(([fg, bg]) => ({ fg, bg, ratio: contrast(vars[fg] ?? "?", vars[bg] ?? "?") }))
        .filter((p) => !(p.ratio >= 4.5))
        .map((p) => `${p.fg} on ${p.bg}: ${p.ratio.toFixed(2)}`);
      expect(failing).toEqual([]);
    });
  }

  it("gives placeholders the muted colour, not the engine's own grey", () => {
    expect(css).toMatch(/::placeholder \{ color: var\(--muted\); opacity: 1; \}/);
  });

  it("sets text colours through the theme's variables, never as a literal colour", () => {
    const literal = css
      .split("\n")
      .filter((line) => !line.trim().startsWith("--"))
      .filter((line) => /(^|[\s;{])color:\s*#/.test(line));
    expect(literal).toEqual([]);
  });
});

describe("the focus", () => {
  it("is ringed on every control, in a colour that stands out (3:1) from what is around it, in the header too", () => {
    expect(css).toMatch(/^:focus-visible \{ outline: 2px solid var\(--focus\)/m);
    expect(css).toMatch(/^\.topbar :focus-visible \{ outline-color: var\(--header-focus\); \}/m);
    expect(css).not.toMatch(/outline:\s*(none|0)\b/);
    for (const selector of [":root", ':root[data-theme="dark"]']) {
      const v = variables(selector);
      expect(contrast(v["--focus"]!, v["--panel"]!), selector).toBeGreaterThanOrEqual(3);
      expect(contrast(v["--focus"]!, v["--bg"]!), selector).toBeGreaterThanOrEqual(3);
      expect(contrast(v["--header-focus"]!, v["--header-bg"]!), selector).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("the theme choice", () => {
  afterEach(() => {
    setTheme("system");
    vi.unstubAllGlobals();
  });

  it("puts the theme on the root and remembers it, like the UI language", async () => {
    setTheme("dark");
    expect(document.documentElement.dataset["theme"]).toBe("dark");
    expect(localStorage.getItem("dossier.theme")).toBe("dark");
    vi.resetModules();
    const again = await import("./theme");
    expect(again.theme.get()).toBe("dark");
    setTheme("light");
    expect(document.documentElement.dataset["theme"]).toBe("light");
    expect(theme.get()).toBe("light");
  });

  it("follows the system when the choice is \"system\"", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    vi.stubGlobal("matchMedia", (q: string) => ({ matches: q.includes("dark"), addEventListener() {}, removeEventListener() {} }));
    applyTheme("system");
    expect(document.documentElement.dataset["theme"]).toBe("dark");
  });
});
