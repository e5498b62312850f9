import { afterEach, describe, expect, it, vi } from "vitest";
import { LANGUAGES, dirOf, intlLocale, lang, list, pickLang, pluralCategory, setLang, t, tables, tf, tp } from "./index";
import type { Key, Lang } from "./index";
import { en } from "./messages/en";

afterEach(() => setLang("en"));

const keys = Object.keys(en) as Key[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message tables", () => {
  it("cover the six UN languages, each named in itself", () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual(["ar", "zh", "en", "fr", "ru", "es"]);
    expect(LANGUAGES.map((l) => l.name)).toEqual(["العربية", "中文", "English", "Français", "Русский", "Español"]);
    expect(Object.keys(tables).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
  });

  for (const { code } of LANGUAGES) {
    it(`${code}: has every key, none empty, none extra, with English's placeholders`, () => {
      const table = tables[code] as Record<string, unknown>;
      expect(Object.keys(table).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const mine = table[key];
        const reference = en[key];
        if (typeof reference === "string") {
          expect(typeof mine, `${code}.${key}`).toBe("string");
          expect((mine as string).trim(), `${code}.${key} is empty`).not.toBe("");
          expect(placeholders(mine as string), `${code}.${key} placeholders`).toEqual(placeholders(reference));
        } else {
          expect(typeof mine, `${code}.${key}`).toBe("object");
        }
      }
    });

    it(`${code}: gives every counted message a form for each of the language's plural categories`, () => {
      const categories = new Intl.PluralRules(intlLocale(code)).resolvedOptions().pluralCategories;
      const table = tables[code] as Record<string, unknown>;
      for (const key of keys) {
        if (typeof en[key] === "string") continue;
        const forms = table[key] as Record<string, string>;
        for (const c of categories) {
          expect(forms[c]?.trim(), `${code}.${key}.${c}`).toBeTruthy();
        }
        // A form for a category the language does not have is a mistake in the table.
        expect(Object.keys(forms).filter((c) => !categories.includes(c as Intl.LDMLPluralRule)), `${code}.${key}`).toEqual([]);
      }
    });
  }

  it("translate the UN terms, not only copy the English", () => {
    const agenda = Object.fromEntries(LANGUAGES.map((l) => [l.code, tables[l.code].agenda]));
    expect(agenda).toEqual({ ar: "جدول الأعمال", zh: "议程", en: "Agenda", fr: "Ordre du jour", ru: "Повестка дня", es: "Programa" });
    const work = LANGUAGES.map((l) => tables[l.code].schedule);
    expect(new Set(work).size).toBe(6);
  });
});

describe("plurals", () => {
  const counted = (l: Lang, n: number) => {
    setLang(l);
    return tp("nDocuments", n);
  };

  it("pick Russian's one, few and many by the last digits", () => {
    expect([1, 21, 101].map((n) => pluralCategory(n, "ru"))).toEqual(["one", "one", "one"]);
    expect([2, 3, 4, 22, 34].map((n) => pluralCategory(n, "ru"))).toEqual(["few", "few", "few", "few", "few"]);
    expect([0, 5, 11, 12, 14, 25, 100].map((n) => pluralCategory(n, "ru"))).toEqual(["many", "many", "many", "many", "many", "many", "many"]);
    expect([1, 3, 5, 11, 21].map((n) => counted("ru", n))).toEqual(["1 документ", "3 документа", "5 документов", "11 документов", "21 документ"]);
    setLang("ru");
    expect(tp("nNotes", 2)).toBe("2 заметки");
    expect(tp("nStarredSlots", 25)).toBe("25 отмеченных заседаний");
  });

  it("pick Arabic's six categories: zero, one, two, few, many, other", () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102].map((n) => pluralCategory(n, "ar"))).toEqual([
      "zero", "one", "two", "few", "few", "many", "many", "other", "other",
    ]);
    expect([0, 1, 2, 3, 11, 100].map((n) => counted("ar", n))).toEqual([
      "لا وثائق", "وثيقة واحدة", "وثيقتان", "3 وثائق", "11 وثيقة", "100 وثيقة",
    ]);
  });

  it("write the count as a number of the language", () => {
    expect(counted("en", 1)).toBe("1 document");
    expect(counted("en", 1200)).toBe("1,200 documents");
    expect(counted("fr", 0)).toBe("0 document");
    expect(counted("fr", 1200)).toBe("1\u202f200 documents");
    expect(counted("fr", 1_000_000)).toBe("1\u202f000\u202f000 de documents");
    expect(counted("zh", 3)).toBe("3 份文件");
    // Arabic in Western digits, as UN Arabic documents print them.
    expect(counted("ar", 12)).toBe("12 وثيقة");
  });

  it("join counts as a list of the language", () => {
    setLang("en");
    expect(list([tp("nNotes", 2), tp("nBookmarks", 1)])).toBe("2 notes and 1 bookmark");
    setLang("ar");
    expect(list([tp("nNotes", 2), tp("nBookmarks", 1)])).toBe("ملاحظتان وإشارة مرجعية واحدة");
    setLang("es");
    expect(tf("importedNotes", { list: list([tp("nNotes", 1), tp("nBookmarks", 2)]) })).toBe("Elementos añadidos por la importación: 1 nota y 2 marcadores.");
  });
});

describe("the UI language", () => {
  it("comes from the first of the user's locales that is a UN language, else English", () => {
    expect(pickLang(["fr-CH", "en-US"])).toBe("fr");
    expect(pickLang(["de-DE", "es-419"])).toBe("es");
    expect(pickLang(["zh-TW"])).toBe("zh");
    expect(pickLang(["ar_EG"])).toBe("ar");
    expect(pickLang(["de-DE", "ja"])).toBe("en");
    expect(pickLang([])).toBe("en");
  });

  it("is taken from navigator.languages at first start, and the saved choice after that", async () => {
    localStorage.removeItem("dossier.lang");
    const languages = vi.spyOn(navigator, "languages", "get").mockReturnValue(["ru-RU", "en-GB"]);
    vi.resetModules();
    const first = await import("./index");
    expect(first.lang.get()).toBe("ru");
    expect(first.t("library")).toBe("Библиотека");
    first.setLang("es");
    vi.resetModules();
    const second = await import("./index");
    expect(second.lang.get()).toBe("es");
    languages.mockRestore();
  });

  it("switching sets lang and dir on the document root: right to left for Arabic", () => {
    setLang("ar");
    expect(document.documentElement.getAttribute("dir")).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    expect(t("library")).toBe("المكتبة");
    expect(localStorage.getItem("dossier.lang")).toBe("ar");
    setLang("zh");
    expect(document.documentElement.getAttribute("dir")).toBe("ltr");
    expect(document.documentElement.lang).toBe("zh-Hans");
    expect(lang.get()).toBe("zh");
    expect(dirOf("ar")).toBe("rtl");
    expect(LANGUAGES.filter((l) => dirOf(l.code) === "rtl").map((l) => l.code)).toEqual(["ar"]);
  });
});
