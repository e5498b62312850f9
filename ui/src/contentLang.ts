// Language and direction of document text, which need not be the UI's: an
// Arabic document reads right to left in an English UI, and an English one
// left to right in an Arabic UI. The layout (panes, toolbars) follows the UI;
// the text of a document follows its own language.

/** The `lang` attribute for text in a document's language (zh → zh-Hans:
 *  UN Chinese documents are in simplified characters). It picks the right
 *  CJK glyph forms, line breaking and voice; unknown languages get none. */
export function contentLang(language: string | null | undefined): string | undefined {
  if (!language) return undefined;
  return language === "zh" ? "zh-Hans" : language;
}

const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur"]);

/** The `dir` attribute for text in a document's language: rtl for Arabic,
 *  ltr for the other known languages, and "auto" (the first strong letter
 *  decides) when the language is not known. */
export function contentDir(language: string | null | undefined): "rtl" | "ltr" | "auto" {
  if (!language || language === "und") return "auto";
  return RIGHT_TO_LEFT.has(language.toLowerCase().split("-")[0]!) ? "rtl" : "ltr";
}

/** Both attributes, to spread on an element that holds document text. */
export function textAttrs(language: string | null | undefined): { lang: string | undefined; dir: "rtl" | "ltr" | "auto" } {
  return { lang: contentLang(language), dir: contentDir(language) };
}
