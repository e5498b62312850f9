// Symbols in annotation and paragraph text: links to the library's documents,
// or marked as missing from it; found as the core listed them, not by a
// second symbol grammar.
import { describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { StoredDocument } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import { storedAgenda } from "../../test/agenda";
import { Reader } from "./Reader";
import { citedSymbols, symbolMatcher } from "./links";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

describe("symbolMatcher", () => {
  const m = symbolMatcher(["CAC/COSP/2019/1", "A/80/590", "E/CN.7/2024/L.2/Rev.1", "E/CN.7/2024/L.2", "A/81/6 (Sect. 13)"]);
  const symbols = (text: string) => m.split(text).filter((p) => p.symbol).map((p) => [p.text, p.symbol]);

  it("finds the cited symbols whole, the longest first, and the pieces join back to the text", () => {
    const text = "See CAC/COSP/2019/1, A/80/590 and E/CN.7/2024/L.2/Rev.1.";
    expect(symbols(text)).toEqual([
      ["CAC/COSP/2019/1", "CAC/COSP/2019/1"],
      ["A/80/590", "A/80/590"],
      ["E/CN.7/2024/L.2/Rev.1", "E/CN.7/2024/L.2/Rev.1"],
    ]);
    expect(m.split(text).map((p) => p.text).join("")).toBe(text);
  });

  it("does not take a symbol out of a longer one", () => {
    expect(symbols("A/80/5901 and A/80/590/Add.1 and XA/80/590")).toEqual([]);
  });

  it("finds them in Chinese text without spaces, in Arabic-Indic digits, and across a line break", () => {
    expect(symbols("见CAC/COSP/2019/1号文件")).toEqual([["CAC/COSP/2019/1", "CAC/COSP/2019/1"]]);
    expect(symbols("الوثيقة A/٨٠/٥٩٠ المعروضة")).toEqual([["A/٨٠/٥٩٠", "A/80/590"]]);
    expect(symbols("A/81/6\n(Sect. 13)")).toEqual([["A/81/6\n(Sect. 13)", "A/81/6 (Sect. 13)"]]);
  });

  it("takes the symbols from the document's references and every item's", () => {
    const doc = storedAgenda().document;
    const withRefs = {
      ...doc,
      references: [{ symbol: "A/1/1" }],
      agenda: [{ ...doc.agenda[0]!, children: [{ ...doc.agenda[0]!.children[0]!, references: [{ symbol: "B/2/2" }, { symbol: "A/1/1" }] }] }],
    };
    expect(citedSymbols(withRefs)).toEqual(["A/1/1", "B/2/2"]);
  });
});

describe("symbols in the reader's text", () => {
  function agendaCiting(): StoredDocument {
    const doc = storedAgenda();
    const items = doc.document.agenda.map((i) =>
      i.number === "2"
        ? { ...i, annotation: "工作组将审议CAC/COSP/2019/1号文件和A/80/590号文件。", references: [{ symbol: "CAC/COSP/2019/1" }, { symbol: "A/80/590" }] }
        : i,
    );
    return { ...doc, document: { ...doc.document, agenda: items } };
  }
  async function mount(doc: StoredDocument, opened: number[]) {
    setBackend(fakeBackend());
    const links = { resolve: (s: string) => (s === "CAC/COSP/2019/1" ? 42 : null), open: (id: number) => opened.push(id) };
    act(() => render(<Reader stored={doc} focus={{ location: { item: "2" }, marks: [] }} links={links} mode="venue" onMode={() => {}} onChanged={() => {}} />, root()));
    await act(settle);
  }

  it("in an annotation: a link where the library holds the document, marked missing where it does not", async () => {
    const opened: number[] = [];
    await mount(agendaCiting(), opened);
    const text = root().querySelector("#ann-2 p")!;
    const link = text.querySelector<HTMLAnchorElement>("[data-testid=symbol-link]")!;
    expect(link.textContent).toBe("CAC/COSP/2019/1");
    const missing = text.querySelector("[data-testid=symbol-missing]")!;
    expect(missing.textContent).toBe("A/80/590");
    expect(missing.tagName).not.toBe("A");
    expect(missing.getAttribute("title")).toBe("Not in the library");
    // No character is added: note offsets still count the passage's text.
    expect(text.textContent).toBe("工作组将审议CAC/COSP/2019/1号文件和A/80/590号文件。");
    act(() => link.click());
    expect(opened).toEqual([42]);
  });

  it("in a report's paragraphs", async () => {
    const agenda = storedAgenda();
    const doc: StoredDocument = {
      ...agenda,
      record: { ...agenda.record, kind: "report" },
      document: {
        ...agenda.document,
        kind: "report",
        agenda: [],
        schedule: [],
        references: [{ symbol: "CAC/COSP/2019/1" }, { symbol: "A/80/590" }],
        paragraphs: [{ number: "1", section: null, text: "The Conference had before it CAC/COSP/2019/1 and A/80/590.", index: 0 }],
      },
    };
    const opened: number[] = [];
    await mount(doc, opened);
    const para = root().querySelector("#para-0")!;
    expect(para.querySelector("[data-testid=symbol-link]")?.textContent).toBe("CAC/COSP/2019/1");
    expect(para.querySelector("[data-testid=symbol-missing]")?.textContent).toBe("A/80/590");
  });
});
