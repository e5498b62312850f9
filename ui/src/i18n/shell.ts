// The native menu and the system dialogs (file-type names, suggested file
// names) speak the UI's language: the shell has no translations of its own,
// so the page sends it the words when it starts and whenever the language
// changes.
import type { ShellText } from "../bindings";
import { api } from "../ipc";
import { lang, t } from "./index";

export function shellText(): ShellText {
  return {
    fileMenu: t("menuFile"),
    importFiles: t("menuImportFiles"),
    importFolder: t("menuImportFolder"),
    backUp: t("menuBackUp"),
    restore: t("menuRestore"),
    quit: t("menuQuit"),
    editMenu: t("menuEdit"),
    cut: t("menuCut"),
    copy: t("menuCopy"),
    paste: t("menuPaste"),
    selectAll: t("menuSelectAll"),
    helpMenu: t("menuHelp"),
    shortcuts: t("shortcuts"),
    openLogFolder: t("menuOpenLogFolder"),
    about: t("menuAbout"),
    welcome: t("menuWelcome"),
    meetingDocuments: t("filterMeetingDocuments"),
    markdown: t("filterMarkdown"),
    notesJson: t("filterNotesJson"),
    webAnnotations: t("filterWebAnnotations"),
    calendar: t("filterCalendar"),
    notesFile: t("fileNameNotes"),
    referencesFile: t("fileNameReferences"),
    backupFolder: t("fileNameBackup"),
    markdownWords: {
      title: t("mdTitle"),
      exported: t("mdExported"),
      noSymbol: t("mdNoSymbol"),
      bookmarks: t("bookmarks"),
      starred: t("mdStarred"),
      wholeDocument: t("wholeDocument"),
      item: t("mdItem"),
      paragraph: t("mdParagraph"),
      slot: t("mdSlot"),
      detached: t("mdDetached"),
    },
    restoreConfirm: t("restoreConfirm"),
    restoreGo: t("restoreGo"),
    cancel: t("cancel"),
  };
}

/** Sends the words now and after every change of language; returns the unsubscribe. */
export function syncShellText(): () => void {
  const send = () => {
    api.setShellText(shellText()).catch((e: unknown) => console.warn("the menu stays in its last language:", e));
  };
  send();
  const off = lang.subscribe(send);
  return () => {
    off();
  };
}
