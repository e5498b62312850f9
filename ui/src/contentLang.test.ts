import { describe, expect, it } from "vitest";
import { contentLang } from "./contentLang";

describe("contentLang", () => {
  it("marks Chinese documents as simplified Chinese and passes other codes through", () => {
    expect(contentLang("zh")).toBe("zh-Hans");
    expect(contentLang("en")).toBe("en");
    expect(contentLang("ru")).toBe("ru");
    expect(contentLang("")).toBeUndefined();
    expect(contentLang(null)).toBeUndefined();
  });
});
