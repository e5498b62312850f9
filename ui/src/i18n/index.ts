// UI strings in English and Simplified Chinese. The language follows the OS
// locale until the user picks one; the choice is remembered.
import { signalLike } from "./signal";

const en = {
  appName: "Dossier",
  library: "Library",
  filter: "Filter documents…",
  loading: "Loading…",
  emptyLibrary: "The library is empty.",
  noMatch: "No document matches the filter.",
  selectDocument: "Choose a document from the library to read it.",
  agenda: "Agenda",
  schedule: "Organization of work",
  annotation: "Annotation",
  references: "Documents",
  noAnnotation: "No annotation for this item.",
  selectItem: "Select an agenda item to read its annotation.",
  noSchedule: "This document has no timetable.",
  parallel: "In parallel",
  continued: "continued",
  kind_agenda: "Agenda",
  kind_report: "Report",
  kind_other: "Document",
  symbolNotPrinted: "No symbol printed",
  suggested: "probably",
  sections: "Sections",
  paragraphs: "Text",
  diagnostics: "Parser notes",
  language: "Language",
  error: "Something went wrong",
  retry: "Try again",
  items: "Items",
  notes: "Notes",
  attendance: "Attendance",
  states: "States",
  organizations: "Organizations",
} as const;

export type Key = keyof typeof en;

const zh: Record<Key, string> = {
  appName: "Dossier 会议文件",
  library: "文件库",
  filter: "筛选文件…",
  loading: "正在加载…",
  emptyLibrary: "文件库为空。",
  noMatch: "没有符合筛选条件的文件。",
  selectDocument: "从文件库中选择一份文件阅读。",
  agenda: "议程",
  schedule: "工作安排",
  annotation: "说明",
  references: "文件",
  noAnnotation: "此项目没有说明。",
  selectItem: "选择一个议程项目以阅读其说明。",
  noSchedule: "此文件没有时间表。",
  parallel: "同时举行",
  continued: "续",
  kind_agenda: "议程",
  kind_report: "报告",
  kind_other: "文件",
  symbolNotPrinted: "未印文号",
  suggested: "可能为",
  sections: "章节",
  paragraphs: "正文",
  diagnostics: "解析提示",
  language: "语言",
  error: "出现错误",
  retry: "重试",
  items: "项目",
  notes: "注",
  attendance: "出席情况",
  states: "国家",
  organizations: "组织",
};

export type Lang = "en" | "zh";
const tables: Record<Lang, Record<Key, string>> = { en, zh };

function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem("dossier.lang");
  if (saved === "en" || saved === "zh") return saved;
  return (globalThis.navigator?.language ?? "en").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export const lang = signalLike<Lang>(initialLang());

export function setLang(l: Lang): void {
  globalThis.localStorage?.setItem("dossier.lang", l);
  document.documentElement.lang = l === "zh" ? "zh-Hans" : "en";
  lang.set(l);
}

export function t(key: Key): string {
  return tables[lang.get()][key];
}
