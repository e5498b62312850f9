//! The Tauri 2 shell. It owns the window and turns core calls into commands;
//! every command is one call into `dossier-core` (see `commands/`).

mod commands;
mod events;
mod logging;
mod single_instance;
mod state;
mod system;

pub use state::AppState;
use std::sync::OnceLock;
use std::time::Instant;

static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Called first thing in `main`: start-up time is measured from here.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(Instant::now);
}

/// Milliseconds since the process started (since the first call, if `main`
/// did not mark it).
pub fn since_process_start_ms() -> f64 {
    PROCESS_START
        .get_or_init(Instant::now)
        .elapsed()
        .as_secs_f64()
        * 1000.0
}
/// How many meetings of the listing the window shows first (the head its
/// page asks for before the whole listing: ui/src/main.tsx asks for as many).
pub const LISTING_HEAD: usize = 40;

/// With `DOSSIER_STARTUP_PROBE` set, prints how far start-up has come
/// (`mark <what> <ms>`); `dossier-bench --startup` shows where the time goes.
pub fn startup_mark(what: &str) {
    static PROBE: OnceLock<bool> = OnceLock::new();
    if *PROBE.get_or_init(|| std::env::var_os("DOSSIER_STARTUP_PROBE").is_some()) {
        println!("mark {what} {:.1}", since_process_start_ms());
    }
}

use tauri::{DragDropEvent, Manager, WindowEvent};
use tauri_specta::Event;

/// Every command, event and type the UI may use. `ui/src/bindings.ts` is
/// generated from this by the `bindings_are_current` test.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            commands::library::list_library,
            commands::library::list_library_head,
            commands::library::meeting_references,
            commands::library::open_document,
            commands::library::set_document_symbol,
            commands::originals::set_text_source,
            commands::originals::open_original,
            commands::library::revision_changes,
            commands::trash::query_library,
            commands::trash::remove_document,
            commands::trash::list_trash,
            commands::trash::restore_from_trash,
            commands::trash::empty_trash,
            commands::library::app_info,
            commands::library::ui_ready,
            commands::library::backup_library,
            commands::library::restore_library,
            commands::library::restore_report,
            commands::search::search,
            commands::import::pick_and_import,
            commands::import::import_startup_files,
            commands::notes::list_notes,
            commands::notes::add_note,
            commands::notes::update_note,
            commands::notes::delete_note,
            commands::notes::restore_note,
            commands::notes::list_bookmarks,
            commands::notes::add_bookmark,
            commands::notes::remove_bookmark,
            commands::notes::document_for_series,
            commands::my_agenda::star_slot,
            commands::my_agenda::my_agenda,
            commands::my_agenda::set_meeting_time_zone,
            commands::my_agenda::time_zones,
            commands::my_agenda::export_calendar,
            commands::exchange::export_notes,
            commands::exchange::import_notes,
            commands::exchange::cite,
            commands::history::item_history,
            commands::history::agenda_changes,
            commands::history::set_item_verdict,
            commands::exchange::export_citations,
            commands::shell_text::set_shell_text,
            commands::library::index_status,
            commands::fetch::fetch_settings,
            commands::fetch::set_fetch_settings,
            commands::fetch::fetch_plan,
            commands::fetch::fetch_missing,
            commands::fetch::resume_fetch,
            commands::fetch::cancel_fetch,
            commands::fetch::fetch_status,
        ])
        .events(tauri_specta::collect_events![
            events::ImportProgress,
            events::ImportFinished,
            events::DropHover,
            events::MenuAction,
            events::IndexProgress,
            events::FetchStep,
            events::FetchFinished,
        ])
}

/// Files dropped on the window are imported; hovering is reported so the UI
/// can show where they will go.
fn on_window_event(window: &tauri::Window, event: &WindowEvent) {
    let WindowEvent::DragDrop(drop) = event else {
        return;
    };
    let app = window.app_handle().clone();
    match drop {
        DragDropEvent::Enter { .. } | DragDropEvent::Over { .. } => {
            let _ = events::DropHover(true).emit(&app);
        }
        DragDropEvent::Leave => {
            let _ = events::DropHover(false).emit(&app);
        }
        DragDropEvent::Drop { paths, .. } => {
            let _ = events::DropHover(false).emit(&app);
            let Ok(lib) = app.state::<AppState>().library() else {
                return;
            };
            let paths = paths.clone();
            std::thread::spawn(move || {
                commands::import::run_import(&app, &lib, &paths);
            });
        }
        _ => {}
    }
}

/// The native menu's items, kept so that their words can change with the
/// UI's language (see `commands::shell_text`) without rebuilding the menu.
pub struct NativeMenu {
    file: tauri::menu::Submenu<tauri::Wry>,
    import_files: tauri::menu::MenuItem<tauri::Wry>,
    import_folder: tauri::menu::MenuItem<tauri::Wry>,
    backup: tauri::menu::MenuItem<tauri::Wry>,
    restore: tauri::menu::MenuItem<tauri::Wry>,
    quit: tauri::menu::MenuItem<tauri::Wry>,
    edit: tauri::menu::Submenu<tauri::Wry>,
    cut: tauri::menu::PredefinedMenuItem<tauri::Wry>,
    copy: tauri::menu::PredefinedMenuItem<tauri::Wry>,
    paste: tauri::menu::PredefinedMenuItem<tauri::Wry>,
    select_all: tauri::menu::PredefinedMenuItem<tauri::Wry>,
    help: tauri::menu::Submenu<tauri::Wry>,
    welcome: tauri::menu::MenuItem<tauri::Wry>,
    shortcuts: tauri::menu::MenuItem<tauri::Wry>,
    log_folder: tauri::menu::MenuItem<tauri::Wry>,
    about: tauri::menu::MenuItem<tauri::Wry>,
}

impl NativeMenu {
    /// The native menu: importing, backup and restore, quitting. Each item
    /// tells the UI, which runs the same action as its button.
    fn install(
        app: &tauri::AppHandle,
        text: &commands::shell_text::ShellText,
    ) -> tauri::Result<Self> {
        use tauri::menu::{MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
        let item = |id: &str, label: &str, accel: Option<&str>| {
            let b = MenuItemBuilder::with_id(id, label);
            match accel {
                Some(a) => b.accelerator(a).build(app),
                None => b.build(app),
            }
        };
        let menu = NativeMenu {
            import_files: item("import-files", &text.import_files, Some("CmdOrCtrl+O"))?,
            import_folder: item("import-folder", &text.import_folder, None)?,
            backup: item("backup", &text.back_up, None)?,
            restore: item("restore", &text.restore, None)?,
            // A plain item: GTK has no predefined Quit.
            quit: item("quit", &text.quit, Some("CmdOrCtrl+Q"))?,
            // Undo and redo stay with the text fields themselves (GTK has no predefined ones).
            cut: PredefinedMenuItem::cut(app, Some(&text.cut))?,
            copy: PredefinedMenuItem::copy(app, Some(&text.copy))?,
            paste: PredefinedMenuItem::paste(app, Some(&text.paste))?,
            select_all: PredefinedMenuItem::select_all(app, Some(&text.select_all))?,
            welcome: item("welcome", &text.welcome, None)?,
            shortcuts: item("shortcuts", &text.shortcuts, None)?,
            log_folder: item("open-log-folder", &text.open_log_folder, None)?,
            about: item("about", &text.about, None)?,
            file: SubmenuBuilder::new(app, &text.file_menu).build()?,
            edit: SubmenuBuilder::new(app, &text.edit_menu).build()?,
            help: SubmenuBuilder::new(app, &text.help_menu).build()?,
        };
        menu.file.append_items(&[
            &menu.import_files,
            &menu.import_folder,
            &PredefinedMenuItem::separator(app)?,
            &menu.backup,
            &menu.restore,
            &PredefinedMenuItem::separator(app)?,
            &menu.quit,
        ])?;
        menu.edit
            .append_items(&[&menu.cut, &menu.copy, &menu.paste, &menu.select_all])?;
        menu.help.append_items(&[
            &menu.welcome,
            &menu.shortcuts,
            &menu.log_folder,
            &PredefinedMenuItem::separator(app)?,
            &menu.about,
        ])?;
        menu.install_bar(app)?;
        Ok(menu)
    }

    /// The same items in other words.
    pub fn relabel(
        &self,
        app: &tauri::AppHandle,
        text: &commands::shell_text::ShellText,
    ) -> tauri::Result<()> {
        let titles = (self.file.text()?, self.edit.text()?, self.help.text()?);
        self.file.set_text(&text.file_menu)?;
        self.import_files.set_text(&text.import_files)?;
        self.import_folder.set_text(&text.import_folder)?;
        self.backup.set_text(&text.back_up)?;
        self.restore.set_text(&text.restore)?;
        self.quit.set_text(&text.quit)?;
        self.edit.set_text(&text.edit_menu)?;
        self.cut.set_text(&text.cut)?;
        self.copy.set_text(&text.copy)?;
        self.paste.set_text(&text.paste)?;
        self.select_all.set_text(&text.select_all)?;
        self.help.set_text(&text.help_menu)?;
        self.welcome.set_text(&text.welcome)?;
        self.shortcuts.set_text(&text.shortcuts)?;
        self.log_folder.set_text(&text.open_log_folder)?;
        self.about.set_text(&text.about)?;
        // GTK keeps a menu bar's titles as they were built: a new bar of the
        // same submenus shows the new ones.
        let wanted = (
            text.file_menu.clone(),
            text.edit_menu.clone(),
            text.help_menu.clone(),
        );
        if titles != wanted {
            self.install_bar(app)?;
        }
        Ok(())
    }

    fn install_bar(&self, app: &tauri::AppHandle) -> tauri::Result<()> {
        use tauri::menu::MenuBuilder;
        let bar = MenuBuilder::new(app)
            .item(&self.file)
            .item(&self.edit)
            .item(&self.help)
            .build()?;
        app.set_menu(bar)?;
        Ok(())
    }
}

fn on_menu_event(app: &tauri::AppHandle, event: tauri::menu::MenuEvent) {
    let id = event.id().as_ref();
    if id == "quit" {
        app.exit(0);
    } else if id == "open-log-folder" {
        if let Some(LogFolder(Some(dir))) = app.try_state::<LogFolder>().as_deref() {
            if let Err(e) = logging::show_folder(dir) {
                tracing::error!(error = %e, "cannot show the log folder");
            }
        }
    } else if matches!(
        id,
        "import-files" | "import-folder" | "backup" | "restore" | "welcome" | "shortcuts" | "about"
    ) {
        let _ = events::MenuAction(id.to_string()).emit(app);
    }
}

/// Where the app's log is written (None: standard error only).
pub struct LogFolder(pub Option<std::path::PathBuf>);

pub fn run() {
    let builder = specta_builder();
    let mut app = tauri::Builder::default();
    // First, so that a second launch hands over before anything else starts.
    if let Some(single) = single_instance::plugin() {
        app = app.plugin(single);
    }
    app.plugin(tauri_plugin_dialog::init())
        // Window size and position are saved on exit and restored at start.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .invoke_handler(builder.invoke_handler())
        // The page view's PDFs, read from the library off the main thread.
        .register_asynchronous_uri_scheme_protocol("original", |ctx, request, responder| {
            let app = ctx.app_handle().clone();
            std::thread::spawn(move || {
                responder.respond(commands::originals::serve(&app, &request));
            });
        })
        .on_window_event(on_window_event)
        .setup(move |app| {
            startup_mark("setup");
            let logs = app
                .path()
                .app_log_dir()
                .ok()
                .and_then(|d| logging::init(&d));
            app.manage(LogFolder(logs));
            builder.mount_events(app);
            let menu = NativeMenu::install(app.handle(), &Default::default())?;
            app.manage(menu);
            app.on_menu_event(on_menu_event);
            startup_mark("menu");
            let state = AppState::from_app(app.handle())?;
            startup_mark("library-open");
            app.manage(state);
            commands::import::start_background_work(app.handle());
            startup_mark("setup-done");
            Ok(())
        })
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| {
            single_instance::start_again_if_it_closed(&e);
            panic!("error while running Dossier: {e:?}")
        })
        .run(|app, event| {
            // The event loop ends the process without dropping the library:
            // its WAL goes into the database file and the close is stamped
            // here, so that the next start need not read every page of it.
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = app.try_state::<AppState>() {
                    if let Ok(lib) = state.library() {
                        lib.record_clean_close();
                        tracing::info!("library closed cleanly");
                    }
                }
            }
        });
}

#[cfg(test)]
mod tests {
    /// Writes `ui/src/bindings.ts` and fails if the committed file was stale.
    #[test]
    fn bindings_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");
        let before = std::fs::read_to_string(path).unwrap_or_default();
        super::specta_builder()
            .export(
                specta_typescript::Typescript::default()
                    .header("// Generated by tauri-specta from src-tauri (test `bindings_are_current`). Do not edit.\n/* eslint-disable */"),
                path,
            )
            .expect("export TypeScript bindings");
        let after = std::fs::read_to_string(path).unwrap();
        assert!(
            before == after,
            "ui/src/bindings.ts was stale and has been rewritten; run `cargo test -p dossier-app bindings` and commit it"
        );
    }
}
