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
  importFiles: "Import…",
  importFolder: "Folder…",
  importHint: "Add PDF, DOCX, TXT or Markdown files, or drop them on the window.",
  importing: "Importing",
  imported: "Imported",
  newVersions: "New versions",
  unchanged: "Unchanged",
  failed: "Failed",
  dismiss: "Dismiss",
  dropToImport: "Drop files or folders to import them",
  unknownBody: "Unknown body",
  otherDocuments: "Other documents",
  missingDocs: "Missing documents",
  missingDoc: "Not in the library",
  allReferencesPresent: "All cited documents present",
  copy: "Copy",
  copySymbol: "Copy the symbol",
  version: "version",
  olderVersion: "older version",
  libraryUnavailable: "The library cannot be opened",
  search: "Search",
  searchPlaceholder: "Search documents, e.g. 实益所有权 or \"asset recovery\"",
  searchHint: "Words must all occur; \"quotes\" for an exact phrase; symbols whole or in part.",
  noResults: "No passages found.",
  allLanguages: "All languages",
  allKinds: "All kinds",
  kind: "Kind",
  noSections: "No headings found.",
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
  importFiles: "导入…",
  importFolder: "文件夹…",
  importHint: "添加 PDF、DOCX、TXT 或 Markdown 文件，或将其拖放到窗口中。",
  importing: "正在导入",
  imported: "已导入",
  newVersions: "新版本",
  unchanged: "未变",
  failed: "失败",
  dismiss: "关闭",
  dropToImport: "放下文件或文件夹即可导入",
  unknownBody: "未知机构",
  otherDocuments: "其他文件",
  missingDocs: "缺少的文件",
  missingDoc: "文件库中没有",
  allReferencesPresent: "所引文件均已在库中",
  copy: "复制",
  copySymbol: "复制文号",
  version: "版本",
  olderVersion: "旧版本",
  libraryUnavailable: "无法打开文件库",
  search: "搜索",
  searchPlaceholder: "搜索文件，例如 实益所有权 或 \"asset recovery\"",
  searchHint: "所有词语都须出现；用引号搜索精确短语；文号可全部或部分输入。",
  noResults: "未找到段落。",
  allLanguages: "所有语言",
  allKinds: "所有类型",
  kind: "类型",
  noSections: "未找到标题。",
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
