// The window from 1024×700 up: every pane keeps room, the timetable (and its
// stars) included. jsdom lays nothing out, so this checks the arithmetic CSS
// grid works with: the tracks' minimum widths must fit beside the sidebar.
import { describe, expect, it } from "vitest";
import css from "./styles.css?raw";
import { agendaColumns } from "./features/reader/panes";

const SIDEBAR = 300 + 6; // the default sidebar and its splitter
const CONTENT_AT_1024 = 1024 - SIDEBAR;

/** The sum of the minimum widths (px) of a grid-template-columns value. */
function minimumWidth(template: string): number {
  let sum = 0;
  for (const track of template.match(/minmax\([^()]*(\([^()]*\)[^()]*)*\)|\S+/g) ?? []) {
    const m = /^minmax\(\s*(\d+)px/.exec(track) ?? /^(\d+)px$/.exec(track);
    if (!m) throw new Error(`a track with no fixed minimum: ${track}`);
    sum += Number(m[1]);
  }
  return sum;
}

describe("the reader's panes at 1024×700", () => {
  it("fit an agenda's outline, annotation and timetable, whatever widths were dragged to", () => {
    const dragged: [number, number][] = [
      [240, 380],
      [900, 900],
      [160, 160],
    ];
    for (const [w0, w1] of dragged) {
      expect(minimumWidth(agendaColumns(w0, w1)), `${w0}, ${w1}`).toBeLessThanOrEqual(CONTENT_AT_1024);
    }
  });

  it("fit a programme's sections, text and timetable", () => {
    const template = /\.panes\.with-timetable \{ grid-template-columns: ([^;]+);/.exec(css)![1]!;
    expect(minimumWidth(template)).toBeLessThanOrEqual(CONTENT_AT_1024);
  });

  it("give the outline and the annotation a share of a wide window, not the timetable alone", () => {
    const template = agendaColumns(240, 380);
    expect(template).toMatch(/minmax\(\d+px, max\(240px, \d+%\)\)/);
    expect(template).toMatch(/minmax\(\d+px, max\(380px, \d+%\)\)/);
  });

  it("let a slot's text wrap rather than push its star out of the pane", () => {
    expect(css).toMatch(/\.slot-main \{[^}]*min-width: 0;/);
  });
});
