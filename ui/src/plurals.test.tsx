// Counts read as the language counts: "1 bookmark", "2 bookmarks", "1 закладка".
import { afterEach, describe, expect, it } from "vitest";
import { render } from "preact";
import type { ComponentChild } from "preact";
import { act } from "preact/test-utils";
import { mountPoint } from "./test/dom";
import { setBackend } from "./ipc";
import type { AgendaEntry, Bookmark } from "./ipc";
import { fakeBackend, note, settle } from "./test/fakeBackend";
import { setLang } from "./i18n";
import { NotesPanel } from "./features/notes/NotesPanel";
import { BookmarksList } from "./features/personal/BookmarksList";
import { LibraryNotes } from "./features/personal/LibraryNotes";
import { MyAgenda } from "./features/personal/MyAgenda";

const root = mountPoint();
afterEach(() => setLang("en"));

async function mount(vnode: ComponentChild) {
  act(() => render(vnode, root()));
  await act(settle);
  await act(settle);
}
const bookmark: Bookmark = { id: 1, series: "s1", target: "item", anchor: "3(a)", label: "实益所有权", created_at: "2024-06-01T10:00:00Z" };
const entry: AgendaEntry = {
  document_id: 10, series: "s1", slot_key: "2024-06-12T15:00", slot_index: 1,
  slot: { date: "2024-06-12", start: "15:00", end: "18:00", items: ["3(a)"], titles: [], continued: false, parallel: [], notes: [] },
  items: ["3(a) 实益所有权"], document_title: "临时议程说明", symbol: null, body: "工作组", venue: "维也纳", time_zone: "Europe/Vienna",
  starts_at: "2024-06-12T13:00:00+00:00", ends_at: "2024-06-12T16:00:00+00:00",
};
const none = () => {};

describe("counts", () => {
  it("say \"1 note\" in the notes panel, and \"2 notes\"", async () => {
    await mount(<NotesPanel notes={[note()]} canAdd={false} onAdd={none} onSave={none} onDelete={none} onGo={none} />);
    const count = () => root().querySelector(".notes-panel h3 .count")?.textContent;
    expect(count()).toBe("· 1 note");
    await mount(<NotesPanel notes={[note(), note({ id: 2 })]} canAdd={false} onAdd={none} onSave={none} onDelete={none} onGo={none} />);
    expect(count()).toBe("· 2 notes");
  });

  it("head the library-wide lists: 1 bookmark, 1 note, 1 starred slot; and in Russian", async () => {
    setBackend(fakeBackend({ bookmarks: [bookmark], notes: [note()], agenda: [entry] }));
    await mount(<BookmarksList version={0} listing={null} onOpen={none} />);
    expect(root().querySelector("[data-testid=list-count]")?.textContent).toBe("1 bookmark");
    await mount(<LibraryNotes version={0} listing={null} onOpen={none} onImported={none} />);
    expect(root().querySelector("[data-testid=list-count]")?.textContent).toBe("1 note");
    await mount(<MyAgenda version={0} mode="venue" onOpen={none} />);
    expect(root().querySelector("[data-testid=list-count]")?.textContent).toBe("1 starred slot");
    setLang("ru");
    await mount(<BookmarksList version={1} listing={null} onOpen={none} />);
    expect(root().querySelector("[data-testid=list-count]")?.textContent).toBe("1 закладка");
  });
});
