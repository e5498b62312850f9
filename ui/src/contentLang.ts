/** The `lang` attribute for text in a document's language (zh → zh-Hans:
 *  UN Chinese documents are in simplified characters). It picks the right
 *  CJK glyph forms, line breaking and voice; unknown languages get none. */
export function contentLang(language: string | null | undefined): string | undefined {
  if (!language) return undefined;
  return language === "zh" ? "zh-Hans" : language;
}
