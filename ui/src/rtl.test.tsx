// Right to left: the Arabic UI mirrors the window; document text takes its
// own direction in any UI.
import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "./test/dom";
import { setBackend } from "./ipc";
import type { StoredDocument } from "./ipc";
import { fakeBackend, settle } from "./test/fakeBackend";
import { setLang } from "./i18n";
import { App } from "./App";
import { Reader } from "./features/reader/Reader";
import { Splitter, draggedWidth } from "./features/reader/panes";

const root = mountPoint();
// The reader scrolls to the focused item; jsdom does no layout.
Element.prototype.scrollIntoView ??= function () {};
afterEach(() => setLang("en"));

function stored(language: string, kind: "agenda" | "report"): StoredDocument {
  const record = {
    id: 7, series: "s7", version: 1, versions: 1, latest: true, file: `a.${language}.pdf`, kind, language,
    symbol: "CAC/COSP/WG.2/2024/1", suggested_symbol: null, user_symbol: null, title: "جدول الأعمال المؤقت وشروحه",
    body: "الفريق العامل الحكومي الدولي المفتوح العضوية المعني باسترداد الموجودات", session: null, venue: "فيينا",
    dates: { start: "2024-06-12", end: "2024-06-14" }, ingested_at: "", meeting_id: 1,
  };
  return {
    record,
    versions: [record],
    renditions: [],
    languages: [{ language: record.language, id: record.id }],
    page_view: null,
    document: {
      kind, language, symbol: record.symbol, suggested_symbol: null, title: record.title, body: record.body, parent_body: null,
      session: null, venue: record.venue, dates: record.dates, distributed: null, original_language: null, job_number: null,
      agenda: kind === "agenda" ? [{ number: "3", title: "استرداد الموجودات", annotation: "سيكون معروضاً على الفريق العامل تقرير الأمانة.", references: [], children: [] }] : [],
      schedule: [],
      references: [],
      sections: kind === "report" ? [{ number: "أولاً", title: "مقدمة", level: 1, role: null, items: [] }] : [],
      paragraphs: kind === "report" ? [{ number: "1", section: "مقدمة", text: "عقد الفريق العامل اجتماعه في فيينا.", index: 0 }] : [],
      unnumbered: [],
      footnotes: [],
      attendance: null,
      diagnostics: [],
    },
    timing: { time_zone: "Europe/Vienna", zone_source: "venue", slots: [] },
  };
}

async function mount(vnode: preact.ComponentChild) {
  act(() => render(vnode, root()));
  await act(settle);
}

const reader = (doc: StoredDocument) => (
  <Reader stored={doc} focus={{ location: { item: "3" }, marks: [] }} links={{ resolve: () => null, open: () => {} }} mode="venue" onMode={() => {}} onChanged={() => {}} />
);

describe("the Arabic UI", () => {
  it("turns the whole window right to left when Arabic is chosen, and back", async () => {
    setBackend(fakeBackend());
    await mount(<App />);
    const select = root().querySelector<HTMLSelectElement>("[data-testid=lang]")!;
    expect([...select.options].map((o) => o.textContent)).toEqual(["العربية", "中文", "English", "Français", "Русский", "Español"]);
    select.value = "ar";
    await act(() => void select.dispatchEvent(new Event("change", { bubbles: true })));
    expect(document.documentElement.getAttribute("dir")).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    expect(root().querySelector("[data-testid=tab-library]")?.textContent).toBe("المكتبة");
    select.value = "fr";
    await act(() => void select.dispatchEvent(new Event("change", { bubbles: true })));
    expect(document.documentElement.getAttribute("dir")).toBe("ltr");
    expect(root().querySelector("[data-testid=tab-library]")?.textContent).toBe("Bibliothèque");
  });
});

describe("document text", () => {
  it("reads right to left in an English UI when the document is Arabic, while the layout stays left to right", async () => {
    setBackend(fakeBackend());
    await mount(reader(stored("ar", "report")));
    const para = root().querySelector("#para-0")!;
    expect(para.getAttribute("dir")).toBe("rtl");
    expect(para.getAttribute("lang")).toBe("ar");
    expect(root().querySelector("#sec-0")?.getAttribute("dir")).toBe("rtl");
    expect(root().querySelector(".doc-header h2")?.getAttribute("dir")).toBe("rtl");
    // The panes and their labels are the UI's: no direction of their own.
    expect(root().querySelector(".reader")?.hasAttribute("dir")).toBe(false);
    expect(root().querySelector(".outline h3")?.textContent).toBe("Sections");
    expect(document.documentElement.dir).toBe("ltr");
  });

  it("gives an Arabic agenda's titles and annotation their direction", async () => {
    setBackend(fakeBackend());
    await mount(reader(stored("ar", "agenda")));
    expect(root().querySelector("[data-testid=item-3] .title")?.getAttribute("dir")).toBe("rtl");
    expect(root().querySelector("#ann-3 p")?.getAttribute("dir")).toBe("rtl");
    expect(root().querySelector("#ann-3 h3")?.getAttribute("dir")).toBe("rtl");
    // Item numbers ("3(a)", "3 (أ)") take the direction of their own letters.
    expect(root().querySelector("[data-testid=item-3] .num")?.getAttribute("dir")).toBe("auto");
  });

  it("reads an English document left to right in the Arabic UI", async () => {
    setLang("ar");
    setBackend(fakeBackend());
    await mount(reader(stored("en", "report")));
    expect(document.documentElement.dir).toBe("rtl");
    expect(root().querySelector("#para-0")?.getAttribute("dir")).toBe("ltr");
    expect(root().querySelector(".outline h3")?.textContent).toBe("الأقسام");
  });
});

describe("splitters", () => {
  it("widen the pane before them when dragged away from it: to the right, or to the left in right to left", () => {
    expect(draggedWidth(300, 50, false)).toBe(350);
    expect(draggedWidth(300, -50, true)).toBe(350);
    expect(draggedWidth(300, 50, true)).toBe(250);
  });

  it("move the way the arrow key points, in either direction", () => {
    const onResize = vi.fn();
    const press = (key: string) => act(() => void root().querySelector(".splitter")!.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true })));
    act(() => render(<div dir="ltr"><Splitter width={300} onResize={onResize} onReset={() => {}} /></div>, root()));
    press("ArrowRight");
    expect(onResize).toHaveBeenLastCalledWith(320);
    act(() => render(<div dir="rtl"><Splitter width={300} onResize={onResize} onReset={() => {}} /></div>, root()));
    press("ArrowLeft");
    expect(onResize).toHaveBeenLastCalledWith(320);
    press("ArrowRight");
    expect(onResize).toHaveBeenLastCalledWith(280);
  });

  it("select no text while dragged", () => {
    const onResize = vi.fn();
    act(() => render(<div dir="ltr"><p>Some text</p><Splitter width={300} onResize={onResize} onReset={() => {}} /></div>, root()));
    const bar = root().querySelector(".splitter")!;
    const pointer = (type: string, clientX: number) => {
      const e = new MouseEvent(type, { bubbles: true, cancelable: true, clientX });
      act(() => void bar.dispatchEvent(e));
      return e;
    };
    expect(pointer("pointerdown", 100).defaultPrevented).toBe(true);
    expect(document.documentElement.classList.contains("resizing")).toBe(true);
    pointer("pointermove", 150);
    expect(onResize).toHaveBeenLastCalledWith(350);
    pointer("pointerup", 150);
    expect(document.documentElement.classList.contains("resizing")).toBe(false);
  });
});
