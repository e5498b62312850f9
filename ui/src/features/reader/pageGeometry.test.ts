import { describe, expect, it } from "vitest";
import { findQuote, offsetOf, pageAtOffset, passageAt } from "./pageGeometry";

const places = {
  "item:1": { page: 1, top: 0.5 },
  "item:2": { page: 2, top: 0.1 },
  "para:7": { page: 2, top: 0.6 },
  "slot:0": { page: 2, top: 0.6 },
};

describe("the page view's geometry", () => {
  it("finds the passage standing where a page was clicked", () => {
    expect(passageAt(places, 2, 0.3)).toBe("item:2");
    expect(passageAt(places, 2, 0.9)).toBe("para:7"); // a paragraph before a slot at one spot
    expect(passageAt(places, 2, 0.05)).toBe("item:1"); // above every passage of page 2: the last of page 1
    expect(passageAt(places, 5, 0)).toBe("para:7");
    expect(passageAt(places, 1, 0.1)).toBeNull();
  });

  it("places a passage down the column of pages and finds the page at a point", () => {
    const heights = [1000, 1000, 800];
    expect(offsetOf({ page: 1, top: 0.5 }, heights, 10)).toBe(500);
    expect(offsetOf({ page: 3, top: 0.25 }, heights, 10)).toBe(2020 + 200);
    expect(pageAtOffset(0, heights, 10)).toBe(1);
    expect(pageAtOffset(1005, heights, 10)).toBe(1);
    expect(pageAtOffset(1011, heights, 10)).toBe(2);
    expect(pageAtOffset(99999, heights, 10)).toBe(3);
  });

  it("finds a noted quote over several runs of a page's text, spacing and hyphens aside", () => {
    const runs = [{ text: "MINUSMA under-" }, { text: "took extensive  efforts to" }, { text: "ensure that" }];
    expect(findQuote(runs, "undertook extensive efforts")).toEqual([{ start: [0, 8], end: [1, 23] }]);
    expect(findQuote(runs, "efforts to ensure")).toEqual([{ start: [1, 16], end: [2, 6] }]);
    expect(findQuote(runs, "not there")).toEqual([]);
  });

  it("finds every place of a word in Chinese text, and the ligatures folded", () => {
    const runs = [{ text: "实益所有权透明度和实益" }, { text: "所有权" }, { text: "the ﬁnal report" }];
    expect(findQuote(runs, "实益所有权", 10)).toEqual([
      { start: [0, 0], end: [0, 5] },
      { start: [0, 9], end: [1, 3] },
    ]);
    expect(findQuote(runs, "final", 5)).toEqual([{ start: [2, 4], end: [2, 8] }]);
  });
});
