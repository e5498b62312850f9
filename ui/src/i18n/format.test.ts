import { afterEach, describe, expect, it } from "vitest";
import { setLang } from "./index";
import type { Lang } from "./index";
import { formatClock, formatDateRange, formatDateTime, formatDay } from "./format";
import { errorText } from "./errors";
import { IpcError } from "../ipc";

afterEach(() => setLang("en"));

const inLang = <T,>(l: Lang, f: () => T): T => {
  setLang(l);
  return f();
};

describe("dates follow the UI language", () => {
  // Punctuation and spaces differ between ICU versions (Node, WebKitGTK); the words and their order do not.
  it("names a timetable day in each of the six", () => {
    const day = (l: Lang) => inLang(l, () => formatDay("2024-06-12"));
    expect(day("en")).toMatch(/^Wednesday,? 12 June 2024$/);
    expect(day("fr")).toMatch(/^mercredi 12 juin 2024$/);
    expect(day("es")).toMatch(/^miércoles,? 12 de junio de 2024$/);
    expect(day("ru")).toMatch(/^среда,? 12 июня 2024\sг\.$/);
    expect(day("zh")).toMatch(/^2024年6月12日\s?星期三$/);
    expect(day("ar")).toMatch(/^الأربعاء،? 12 يونيو 2024$/);
  });

  it("keeps a calendar day on its day in every time zone, and shows what it cannot read as given", () => {
    // The test process's own zone must not move 12 June to the 11th or the 13th.
    expect(inLang("en", () => formatDay("2024-06-12"))).toContain("12");
    expect(formatDay("")).toBe("—");
    expect(formatDay("June 2024")).toBe("June 2024");
  });

  it("writes a meeting's dates as a range of the language", () => {
    const range = { start: "2024-06-12", end: "2024-06-14" };
    expect(inLang("en", () => formatDateRange(range))).toMatch(/^12\s?–\s?14 June 2024$/);
    expect(inLang("fr", () => formatDateRange(range))).toMatch(/^12\s?–\s?14 juin 2024$/);
    expect(inLang("ru", () => formatDateRange(range))).toMatch(/^12\s?–\s?14 июня 2024/);
    expect(inLang("zh", () => formatDateRange(range))).toBe("2024年6月12日至14日");
    expect(inLang("zh", () => formatDateRange({ start: "2024-06-28", end: "2024-07-02" }))).toBe("2024年6月28日至7月2日");
    expect(inLang("zh", () => formatDateRange({ start: "2024-12-30", end: "2025-01-03" }))).toBe("2024年12月30日至2025年1月3日");
    expect(inLang("en", () => formatDateRange({ start: "2024-06-12", end: "2024-06-12" }))).toBe("12 June 2024");
    expect(formatDateRange(null)).toBeNull();
  });

  it("shows clock times on 24 hours in a given zone, in Western digits for Arabic too", () => {
    const at = "2024-06-12T13:05:00Z";
    expect(inLang("en", () => formatClock(at, "Europe/Vienna"))).toBe("15:05");
    expect(inLang("ar", () => formatClock(at, "Asia/Dubai"))).toBe("17:05");
    expect(inLang("zh", () => formatClock(at, "Asia/Shanghai"))).toBe("21:05");
    expect(inLang("fr", () => formatDateTime(at, "Europe/Vienna"))).toMatch(/^12 juin 2024,? (à )?15:05$/);
    expect(inLang("en", () => formatDateTime(at, "UTC"))).toMatch(/^12 Jun 2024,? 13:05$/);
  });
});

describe("errors", () => {
  it("word the backend's error kind in the UI language, with its message as the detail", () => {
    const e = new IpcError("locked", "the library at /x is already open in another Dossier window or process");
    expect(inLang("en", () => errorText(e))).toBe(e.message);
    expect(inLang("fr", () => errorText(e))).toBe(`La bibliothèque est ouverte dans une autre fenêtre de Dossier\u00a0: ${e.message}`);
    expect(inLang("zh", () => errorText(e))).toBe(`文件库已在另一个 Dossier 窗口中打开：${e.message}`);
    expect(errorText(new Error("plain"))).toBe("plain");
  });
});
