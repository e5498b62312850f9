import { describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { Highlighted } from "./Highlighted";
import { FootnoteList, FootnotesContext, footnoteMap } from "./footnotes";

const root = mountPoint();
const notes = [{ marker: "a", text: "To be confirmed by the Bureau." }];

describe("footnote markers", () => {
  it("show as superscripts that name their footnote, the caret kept for note offsets but not shown", () => {
    act(() =>
      render(
        <FootnotesContext.Provider value={footnoteMap(notes)}>
          <p>
            <Highlighted text="Opening of the session^a and 4^12 more" marks={["session"]} />
          </p>
          <FootnoteList notes={notes} attrs={{ lang: "en", dir: "ltr" }} />
        </FootnotesContext.Provider>,
        root(),
      ),
    );
    const sups = [...root().querySelectorAll<HTMLElement>("p [data-testid=fn-mark]")];
    expect(sups.map((s) => s.textContent)).toEqual(["^a", "^12"]);
    expect(sups[0]?.title).toBe("To be confirmed by the Bureau.");
    expect(sups[0]?.querySelector("a")?.getAttribute("href")).toBe("#fn-a");
    // A marker with no footnote printed is a superscript, not a link.
    expect(sups[1]?.querySelector("a")).toBeNull();
    expect(root().querySelector(".fn-caret")).not.toBeNull();
    // The paragraph's text is the passage's text: selections count the same characters.
    expect(root().querySelector("p")?.textContent).toBe("Opening of the session^a and 4^12 more");
    expect(root().querySelector("mark")?.textContent).toBe("session");
    expect(root().querySelector("#fn-a")?.textContent).toContain("To be confirmed by the Bureau.");
  });

  it("leave a caret that marks nothing as it is", () => {
    act(() => render(<Highlighted text="x^y and 2^10000 and a^" marks={[]} />, root()));
    expect(root().querySelectorAll("[data-testid=fn-mark]")).toHaveLength(1);
    expect(root().textContent).toBe("x^y and 2^10000 and a^");
  });
});
