//! The words of the native menu and of the system dialogs in the UI's
//! language. The UI holds every translation, so it sends them here when the
//! window opens and whenever the language changes; the shell keeps them for
//! the dialogs and rebuilds the menu.

use crate::AppState;
use serde::Deserialize;
use tauri::{AppHandle, Manager, State};

#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ShellText {
    pub file_menu: String,
    pub import_files: String,
    pub import_folder: String,
    pub back_up: String,
    pub restore: String,
    pub quit: String,
    pub edit_menu: String,
    pub cut: String,
    pub copy: String,
    pub paste: String,
    pub select_all: String,
    pub help_menu: String,
    pub welcome: String,
    pub shortcuts: String,
    pub open_log_folder: String,
    pub about: String,
    /// File-type names in the open and save dialogs.
    pub meeting_documents: String,
    pub markdown: String,
    pub notes_json: String,
    pub web_annotations: String,
    pub calendar: String,
    /// Suggested names (the extension is added): "Dossier notes",
    /// "Dossier backup".
    pub notes_file: String,
    pub references_file: String,
    pub backup_folder: String,
    /// The words of the notes' Markdown export.
    pub markdown_words: dossier_core::api::MarkdownWords,
    /// The question before a restore, and its two answers.
    pub restore_confirm: String,
    pub restore_go: String,
    pub cancel: String,
}

impl Default for ShellText {
    fn default() -> Self {
        let s = |t: &str| t.to_string();
        ShellText {
            file_menu: s("File"),
            import_files: s("Import files…"),
            import_folder: s("Import a folder…"),
            back_up: s("Back up the library…"),
            restore: s("Restore from a backup…"),
            quit: s("Quit Dossier"),
            edit_menu: s("Edit"),
            cut: s("Cut"),
            copy: s("Copy"),
            paste: s("Paste"),
            select_all: s("Select All"),
            help_menu: s("Help"),
            welcome: s("Getting started"),
            shortcuts: s("Keyboard shortcuts"),
            open_log_folder: s("Open the log folder"),
            about: s("About Dossier"),
            meeting_documents: s("Meeting documents"),
            markdown: s("Markdown"),
            notes_json: s("Dossier notes (JSON)"),
            web_annotations: s("W3C Web Annotations (JSON-LD)"),
            calendar: s("iCalendar"),
            notes_file: s("Dossier notes"),
            references_file: s("References"),
            backup_folder: s("Dossier backup"),
            markdown_words: Default::default(),
            restore_confirm: s("Restoring replaces the library (documents, notes, bookmarks, stars) with the backup you choose next. The current library is kept beside it. Dossier restarts to do it. Continue?"),
            restore_go: s("Choose a backup…"),
            cancel: s("Cancel"),
        }
    }
}

impl ShellText {
    /// Words the UI sent that are empty (a missing translation) keep the
    /// English ones, so no menu item is ever blank.
    fn or_english(mut self) -> Self {
        let en = ShellText::default();
        for (mine, english) in [
            (&mut self.file_menu, en.file_menu),
            (&mut self.import_files, en.import_files),
            (&mut self.import_folder, en.import_folder),
            (&mut self.back_up, en.back_up),
            (&mut self.restore, en.restore),
            (&mut self.quit, en.quit),
            (&mut self.edit_menu, en.edit_menu),
            (&mut self.cut, en.cut),
            (&mut self.copy, en.copy),
            (&mut self.paste, en.paste),
            (&mut self.select_all, en.select_all),
            (&mut self.help_menu, en.help_menu),
            (&mut self.welcome, en.welcome),
            (&mut self.shortcuts, en.shortcuts),
            (&mut self.open_log_folder, en.open_log_folder),
            (&mut self.about, en.about),
            (&mut self.meeting_documents, en.meeting_documents),
            (&mut self.markdown, en.markdown),
            (&mut self.notes_json, en.notes_json),
            (&mut self.web_annotations, en.web_annotations),
            (&mut self.calendar, en.calendar),
            (&mut self.notes_file, en.notes_file),
            (&mut self.references_file, en.references_file),
            (&mut self.backup_folder, en.backup_folder),
            (&mut self.restore_confirm, en.restore_confirm),
            (&mut self.restore_go, en.restore_go),
            (&mut self.cancel, en.cancel),
        ] {
            if mine.trim().is_empty() {
                *mine = english;
            }
        }
        // Names of files and folders: no separator may come in with a translation.
        for name in [
            &mut self.notes_file,
            &mut self.references_file,
            &mut self.backup_folder,
        ] {
            *name = name.replace(['/', '\\', ':', '*', '?', '"', '<', '>', '|'], " ");
        }
        self
    }
}

/// The words the dialogs use now.
pub fn current(app: &AppHandle) -> ShellText {
    app.state::<AppState>()
        .shell_text
        .lock()
        .map(|t| t.clone())
        .unwrap_or_default()
}

/// Takes the menu's and the dialogs' words in the UI's language. (A plain
/// command: Tauri runs it on the main thread, where menus live.)
#[tauri::command]
#[specta::specta]
pub fn set_shell_text(
    app: AppHandle,
    state: State<'_, AppState>,
    text: ShellText,
) -> Result<(), super::CommandError> {
    let text = text.or_english();
    if let Some(menu) = app.try_state::<crate::NativeMenu>() {
        menu.relabel(&app, &text)?;
    }
    if let Ok(mut t) = state.shell_text.lock() {
        *t = text;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_words_fall_back_to_english() {
        let mut fr = ShellText {
            file_menu: "Fichier".into(),
            ..ShellText::default()
        };
        fr.quit = " ".into();
        let fr = fr.or_english();
        assert_eq!(fr.file_menu, "Fichier");
        assert_eq!(fr.quit, "Quit Dossier");
        let odd = ShellText {
            backup_folder: "Sauvegarde/../x".into(),
            ..ShellText::default()
        }
        .or_english();
        assert_eq!(odd.backup_folder, "Sauvegarde .. x");
        assert!(!odd.backup_folder.contains('/'));
    }
}
