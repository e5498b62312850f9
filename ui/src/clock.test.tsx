// The clock ticks for what shows the time (the timetable's now and next), not
// for the whole window: a tick re-renders the timetable, not the library.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { options, render } from "preact";
import type { VNode } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "./test/dom";
import { setBackend } from "./ipc";
import { fakeBackend, settle } from "./test/fakeBackend";
import { agendaListing, storedAgenda } from "./test/agenda";
import { App } from "./App";
import { LibraryPane } from "./features/library/LibraryPane";
import { AgendaOutline } from "./features/agenda/AgendaOutline";
import { Schedule } from "./features/schedule/Schedule";
import { NowNextBar } from "./features/schedule/NowNextBar";
import { LAST_PLACE_KEY } from "./features/reader/navigation";

const root = mountPoint();
Element.prototype.scrollIntoView ??= function () {};

// The 2012 working group's slots, placed in Vienna (UTC+2 in August).
const agenda = storedAgenda();
const instants = [
  ["2012-08-30T08:00:00Z", "2012-08-30T11:00:00Z"],
  ["2012-08-30T13:00:00Z", "2012-08-30T16:00:00Z"],
  ["2012-08-31T08:00:00Z", "2012-08-31T11:00:00Z"],
  ["2012-08-31T13:00:00Z", "2012-08-31T16:00:00Z"],
] as const;
agenda.timing.slots = agenda.timing.slots.map((s, i) => ({ ...s, starts_at: instants[i]![0], ends_at: instants[i]![1] }));

/** How often each component has rendered since the count began. */
const renders = new Map<unknown, number>();
let before: typeof options.diffed;
beforeEach(() => {
  localStorage.removeItem(LAST_PLACE_KEY);
  before = options.diffed;
  options.diffed = (vnode: VNode) => {
    renders.set(vnode.type, (renders.get(vnode.type) ?? 0) + 1);
    before?.(vnode);
  };
});
afterEach(() => {
  options.diffed = before;
  vi.useRealTimers();
});

describe("the clock", () => {
  it("re-renders the timetable on a tick, not the library pane or the outline", async () => {
    // Ten seconds before the first slot: it is next, nothing is under way.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(new Date("2012-08-30T07:59:50Z"));
    setBackend(fakeBackend({ listing: agendaListing(), documents: [agenda] }));
    act(() => render(<App />, root()));
    await act(settle);
    act(() => root().querySelector<HTMLButtonElement>(`[data-testid='doc-${agenda.record.file}']`)!.click());
    // The document, then what the reader asks for it (notes, bookmarks, adoption).
    await act(settle);
    await act(settle);
    expect(root().querySelector(".slot.next")?.id).toBe("slot-0");
    expect(root().querySelector(".slot.now")).toBeNull();

    renders.clear();
    act(() => void vi.advanceTimersByTime(30_000));
    await act(settle);

    // The tick is seen: the first slot is under way, the second next.
    expect(root().querySelector(".slot.now")?.id).toBe("slot-0");
    expect(root().querySelector(".slot.next")?.id).toBe("slot-1");
    expect(root().querySelector("[data-testid=current-slot]")).not.toBeNull();
    expect(renders.get(Schedule)).toBe(1);
    expect(renders.get(NowNextBar)).toBe(1);
    // And only there.
    expect(renders.get(LibraryPane) ?? 0).toBe(0);
    expect(renders.get(AgendaOutline) ?? 0).toBe(0);
    expect(renders.get(App) ?? 0).toBe(0);
  });
});
