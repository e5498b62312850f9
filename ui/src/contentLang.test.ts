import { describe, expect, it } from "vitest";
import { contentDir, contentLang } from "./contentLang";

describe("contentLang", () => {
  it("marks Chinese documents as simplified Chinese and passes other codes through", () => {
    expect(contentLang("zh")).toBe("zh-Hans");
    expect(contentLang("en")).toBe("en");
    expect(contentLang("ru")).toBe("ru");
    expect(contentLang("")).toBeUndefined();
    expect(contentLang(null)).toBeUndefined();
  });
});

describe("contentDir", () => {
  it("reads Arabic right to left, the other UN languages left to right, and lets the text decide otherwise", () => {
    expect(contentDir("ar")).toBe("rtl");
    expect(["zh", "en", "fr", "ru", "es"].map(contentDir)).toEqual(["ltr", "ltr", "ltr", "ltr", "ltr"]);
    expect(contentDir(null)).toBe("auto");
    expect(contentDir("")).toBe("auto");
  });
});
