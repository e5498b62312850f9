// Find in the open document: Ctrl+F, "N of M", next and previous, the
// matches marked with the CSS Custom Highlight API, Escape.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "../../test/dom";
import { setBackend } from "../../ipc";
import type { StoredDocument } from "../../ipc";
import { fakeBackend, settle } from "../../test/fakeBackend";
import { storedAgenda } from "../../test/agenda";
import { Reader } from "./Reader";
import type { Focus } from "./Reader";
import { fold } from "./find";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

/** A stand-in for the engine's highlight registry (jsdom has none). */
class FakeHighlight {
  priority = 0;
  ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}
const registry = new Map<string, FakeHighlight>();
let scrolled: Element[] = [];
beforeEach(() => {
  registry.clear();
  scrolled = [];
  vi.stubGlobal("CSS", { highlights: registry });
  vi.stubGlobal("Highlight", FakeHighlight);
  vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(function (this: Element) {
    scrolled.push(this);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function report(): StoredDocument {
  const agenda = storedAgenda();
  const record = { ...agenda.record, kind: "report" as const, language: "fr", title: "Rapport de la réunion", body: "Groupe de travail", venue: "Vienne" };
  return {
    ...agenda,
    record,
    document: {
      ...agenda.document, kind: "report", language: "fr", title: record.title, body: record.body, venue: record.venue, agenda: [], schedule: [],
      paragraphs: [
        { number: "1", section: null, text: "La Conférence a ouvert la session.", index: 0 },
        { number: "2", section: null, text: "Le Groupe a adopté son ordre du jour.", index: 1 },
        { number: "3", section: null, text: "La CONFERENCE a clos la session ; la conférence reprendra.", index: 2 },
      ],
    },
  };
}

async function mount(doc: StoredDocument, focus: Focus | null = null) {
  setBackend(fakeBackend());
  act(() =>
    render(<Reader stored={doc} focus={focus} links={{ resolve: () => null, open: () => {} }} mode="venue" onMode={() => {}} onChanged={() => {}} />, root()),
  );
  await act(settle);
}
const q = <E extends Element = HTMLElement>(sel: string) => root().querySelector<E>(sel);
const key = async (k: string, mods: KeyboardEventInit = {}, target: EventTarget = document.activeElement ?? document.body) => {
  act(() => void target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...mods })));
  await act(settle);
};
const type = async (text: string) => {
  const input = q<HTMLInputElement>("[data-testid=find-input]")!;
  input.value = text;
  act(() => void input.dispatchEvent(new Event("input", { bubbles: true })));
  await act(settle);
};
const count = () => q("[data-testid=find-count]")!.textContent;
const current = () => registry.get("find-current")!.ranges.map((r) => r.toString());

describe("folding", () => {
  it("ignores case, accents, Arabic vowel signs and the tatweel, and full-width forms", () => {
    expect(fold("Conférence")).toBe(fold("CONFERENCE"));
    expect(fold("Ñandú")).toBe("nandu");
    expect(fold("الأُمَم المتّحدة")).toBe(fold("الامم المتحدة"));
    expect(fold("مـــؤتمر")).toBe(fold("مؤتمر"));
    expect(fold("ＣＡＣ／ＣＯＳＰ")).toBe("cac/cosp");
  });
});

describe("find in a report", () => {
  it("opens with Ctrl+F, counts the matches whatever their case and accents, and moves through them round the ends", async () => {
    await mount(report());
    await key("f", { ctrlKey: true }, document.body);
    const input = q<HTMLInputElement>("[data-testid=find-input]")!;
    expect(document.activeElement).toBe(input);
    await type("conference");
    expect(count()).toBe("1 of 3");
    expect(current()).toEqual(["Conférence"]);
    expect(registry.get("find-match")!.ranges.map((r) => r.toString())).toEqual(["CONFERENCE", "conférence"]);
    expect(registry.get("find-current")!.priority).toBeGreaterThan(registry.get("find-match")!.priority);
    await key("Enter");
    expect(count()).toBe("2 of 3");
    expect(current()).toEqual(["CONFERENCE"]);
    // The current match is brought into view.
    expect(scrolled[scrolled.length - 1]?.closest(".para")?.id).toBe("para-2");
    await key("Enter", { shiftKey: true });
    expect(count()).toBe("1 of 3");
    await key("Enter", { shiftKey: true });
    expect(count()).toBe("3 of 3");
    await key("F3");
    expect(count()).toBe("1 of 3");
    await key("F3", { shiftKey: true });
    expect(count()).toBe("3 of 3");
    act(() => q<HTMLButtonElement>("[data-testid=find-next]")!.click());
    await act(settle);
    expect(count()).toBe("1 of 3");
    act(() => q<HTMLButtonElement>("[data-testid=find-previous]")!.click());
    await act(settle);
    expect(count()).toBe("3 of 3");
  });

  it("announces the count, says when nothing matches, and Escape closes it, unmarks, and gives the focus back", async () => {
    await mount(report());
    const before = q<HTMLButtonElement>("[data-testid=bookmark-para-1]")!;
    before.focus();
    await key("f", { metaKey: true });
    const live = q("[data-testid=find-count]")!;
    expect(live.getAttribute("aria-live")).toBe("polite");
    await type("Sitzung");
    expect(count()).toBe("No matches");
    expect(q<HTMLButtonElement>("[data-testid=find-next]")!.disabled).toBe(true);
    await type("session");
    expect(count()).toBe("1 of 2");
    await key("Escape");
    expect(q("[data-testid=find-bar]")).toBeNull();
    expect(registry.has("find-current")).toBe(false);
    expect(registry.has("find-match")).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it("opens from the header's button, and F3 opens it too", async () => {
    await mount(report());
    act(() => q<HTMLButtonElement>("[data-testid=open-find]")!.click());
    await act(settle);
    expect(q("[data-testid=find-bar]")).not.toBeNull();
    await key("Escape");
    await key("F3", {}, document.body);
    expect(q("[data-testid=find-bar]")).not.toBeNull();
  });
});

describe("find in a Chinese agenda", () => {
  it("finds words inside running text (no word boundaries), in the header and the annotation, not in the printout's copy", async () => {
    await mount(storedAgenda(), { location: { item: "2" }, marks: [] });
    await key("f", { ctrlKey: true }, document.body);
    await type("工作组");
    expect(count()).toBe("1 of 2");
    await key("Enter");
    expect(current()).toEqual(["工作组"]);
    expect(registry.get("find-current")!.ranges[0]!.startContainer.parentElement!.closest("#ann-2")).not.toBeNull();
    // The text a new item shows is searched once it is chosen.
    act(() => q<HTMLButtonElement>("[data-testid='item-4']")!.click());
    await act(settle);
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    await act(settle);
    expect(count()).toMatch(/ of 2$/);
    expect(registry.get("find-match")!.ranges.concat(registry.get("find-current")!.ranges).some((r) => r.startContainer.parentElement!.closest("#ann-4"))).toBe(true);
  });
});

describe("the shortcuts sheet", () => {
  it("lists find, the text size, print, and back and forward", async () => {
    const { ShortcutsSheet } = await import("../../ShortcutsSheet");
    act(() => render(<ShortcutsSheet onClose={() => {}} />, root()));
    const text = q("[data-testid=shortcuts]")!.textContent!;
    for (const words of ["Ctrl F", "Find in the open document", "Shift F3", "Ctrl 0", "Larger, smaller or normal reading text", "Ctrl P", "Alt ←", "Back or forward"]) expect(text).toContain(words);
  });
});
