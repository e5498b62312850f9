// An agenda with its organization of work, as the parser reads the seeds: the
// 2012 working group (a slot continuing item 4 and taking up item 5) and the
// 2019 conference's cell "5和6 | 资产追回; 国际合作" (two items, one title cell).
import type { AgendaItem, LibraryListing, ScheduleSlot, StoredDocument } from "../ipc";

const item = (number: string, title: string, annotation = "", children: AgendaItem[] = []): AgendaItem => ({
  number, title, annotation, references: [], children,
});

const slot = (date: string, start: string, end: string, items: string[], titles: string[], continued = false): ScheduleSlot => ({
  date, start, end, items, titles, continued, parallel: [], notes: [],
});

export const agendaItems: AgendaItem[] = [
  item("1", "组织事项", "", [item("1(a)", "会议开幕", "工作组会议将于上午10时开幕。"), item("1(b)", "通过议程和工作安排", "临时议程已获核准。")]),
  item("2", "多年期工作计划专题介绍", "工作组将听取专题介绍。\n\n秘书处将介绍说明。"),
  item("3", "执行进展概况", "秘书处将介绍进展。"),
  item("4", "关于没收事宜合作的专题讨论", "工作组将讨论没收事宜的国际合作。"),
  item("5", "资产追回", "工作组将讨论资产追回所涉实际问题。"),
  item("6", "国际合作", "工作组将讨论国际合作。"),
];

export const agendaSlots: ScheduleSlot[] = [
  slot("2012-08-30", "10:00", "13:00", ["1(a)", "1(b)", "2", "3"], ["会议开幕", "通过议程和工作安排", "多年期工作计划专题介绍", "执行进展概况"]),
  slot("2012-08-30", "15:00", "18:00", ["4"], ["关于没收事宜合作的专题讨论"]),
  slot("2012-08-31", "10:00", "13:00", ["4", "5"], ["关于没收事宜合作的专题讨论（续）", "资产追回"], true),
  slot("2012-08-31", "15:00", "18:00", ["5", "6"], ["资产追回; 国际合作"]),
];

/** The agenda in the reader, in Chinese, with its timetable placed in Vienna. */
export function storedAgenda(): StoredDocument {
  const record = {
    id: 10, series: "s1", version: 1, versions: 1, latest: true, file: "agenda.zh.txt", kind: "agenda" as const, language: "zh",
    symbol: "CAC/COSP/WG.2/2012/1", suggested_symbol: null, user_symbol: null, title: "临时议程和说明",
    body: "资产追回问题不限成员名额政府间工作组", session: null, venue: "维也纳", dates: { start: "2012-08-30", end: "2012-08-31" }, ingested_at: "", meeting_id: 1,
  };
  return {
    record,
    versions: [record],
    renditions: [],
    languages: [{ language: record.language, id: record.id }],
    page_view: null,
    document: {
      kind: "agenda", language: "zh", symbol: record.symbol, suggested_symbol: null, title: record.title, body: record.body, parent_body: null,
      session: null, venue: record.venue, dates: record.dates, distributed: null, original_language: null, job_number: null,
      agenda: agendaItems, schedule: agendaSlots, references: [], sections: [], paragraphs: [], unnumbered: [], footnotes: [], attendance: null, diagnostics: [],
    },
    timing: {
      time_zone: "Europe/Vienna",
      zone_source: "venue",
      slots: agendaSlots.map((s) => ({ key: `${s.date}T${s.start}`, starts_at: null, ends_at: null, starred: false })),
    },
  };
}

/** The library listing that holds the agenda alone, in its meeting. */
export function agendaListing(): LibraryListing {
  const record = storedAgenda().record;
  return {
    meetings: [
      {
        id: 1, key: "k1", body: record.body, parent_body: null, session: null, venue: record.venue, dates: record.dates,
        time_zone: "Europe/Vienna", zone_source: "venue", documents: [record], reference_count: 0, missing_count: 0,
      },
    ],
    unfiled: [],
  };
}
