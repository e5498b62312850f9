//! One window per library. A second launch — from the desktop, "Open with
//! Dossier" or `dossier-app FILE…` — brings the running window forward and
//! hands it the files to import, then exits (tauri-plugin-single-instance:
//! a D-Bus name on Linux, a named mutex on Windows, a socket on macOS).
//!
//! A library opened with `DOSSIER_DATA_DIR` is another library: on Linux its
//! D-Bus name carries the folder, so each library has its own window; on
//! Windows and macOS, where the plugin's name cannot be chosen, such a launch
//! is not handed over (it opens the window of that library, or says that
//! another Dossier holds it). Without a session bus (a bare X server), the
//! plugin finds no bus and every launch runs alone, as before.

use crate::commands::import::run_import;
use crate::state::AppState;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tauri::{plugin::TauriPlugin, AppHandle, Manager, Wry};

/// How many times this launch has started again because the running window
/// it found went away before answering (see [`start_again_if_it_closed`]).
const RELAUNCH_VAR: &str = "DOSSIER_SINGLE_INSTANCE_RELAUNCH";

/// A launch that found a running window which vanished before it took the
/// files (a window closing as this one starts: the plugin's hand-over call
/// gets no reply) starts again, up to three times, so that it becomes the
/// window instead of failing. Returns only when it does not apply (another
/// error, or the tries are used up); on success the process is replaced.
pub fn start_again_if_it_closed(error: &tauri::Error) {
    let tauri::Error::PluginInitialization(plugin, message) = error else {
        return;
    };
    if plugin != "single-instance" {
        return;
    }
    let tries: u32 = std::env::var(RELAUNCH_VAR)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if tries >= 3 {
        return;
    }
    eprintln!("dossier: the running window went away before answering ({message}); starting again");
    std::thread::sleep(Duration::from_millis(300 * u64::from(tries + 1)));
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        if let Ok(exe) = std::env::current_exe() {
            let err = std::process::Command::new(exe)
                .args(std::env::args_os().skip(1))
                .env(RELAUNCH_VAR, (tries + 1).to_string())
                .exec();
            eprintln!("dossier: could not start again: {err}");
        }
    }
}

/// The plugin for this launch's library, or `None` when a launch of it
/// cannot be told apart from the default library's.
pub fn plugin() -> Option<TauriPlugin<Wry>> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(handed_over);
    match std::env::var_os("DOSSIER_DATA_DIR") {
        None => Some(builder.build()),
        #[cfg(target_os = "linux")]
        Some(dir) => Some(builder.dbus_id(dbus_id(Path::new(&dir))).build()),
        #[cfg(not(target_os = "linux"))]
        Some(_) => None,
    }
}

/// `org.dossier.app.L<hash of the folder>`: D-Bus names allow letters,
/// digits and `_` in an element that does not start with a digit.
#[cfg(target_os = "linux")]
fn dbus_id(dir: &Path) -> String {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    // FNV-1a: stable across runs and builds (std's hasher is not).
    let hash = dir
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("org.dossier.app.L{hash:016x}")
}

/// The files a second launch named: its arguments after the program that
/// are not options, relative to the folder it was started in.
fn files_of(argv: &[String], cwd: &str) -> Vec<PathBuf> {
    argv.iter()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(|a| Path::new(cwd).join(a))
        .collect()
}

/// In the running app, when a second launch hands over.
fn handed_over(app: &AppHandle, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let files = files_of(&argv, &cwd);
    tracing::info!(
        files = files.len(),
        "a second launch handed over to this window"
    );
    if files.is_empty() {
        return;
    }
    let app = app.clone();
    std::thread::spawn(move || {
        // A launch in the first moments of this one may come before the
        // library is open.
        let started = Instant::now();
        let state = loop {
            if let Some(state) = app.try_state::<AppState>() {
                break state;
            }
            if started.elapsed() > Duration::from_secs(30) {
                tracing::error!("the library did not open: files handed over are not imported");
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        match state.library() {
            Ok(lib) => {
                run_import(&app, &lib, &files);
            }
            Err(e) => tracing::error!(error = %e.message, "files handed over are not imported"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_launch_names_its_files_relative_to_where_it_started() {
        let argv: Vec<String> = [
            "/usr/bin/dossier-app",
            "agenda.pdf",
            "--verbose",
            "/tmp/report.docx",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            files_of(&argv, "/home/delegate/Downloads"),
            [
                PathBuf::from("/home/delegate/Downloads/agenda.pdf"),
                PathBuf::from("/tmp/report.docx")
            ]
        );
        assert!(files_of(&argv[..1], "/").is_empty());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn each_library_folder_has_its_own_valid_dbus_name() {
        let a = dbus_id(Path::new("/tmp/library-a"));
        let b = dbus_id(Path::new("/tmp/library-b"));
        assert_ne!(a, b);
        assert_eq!(a, dbus_id(Path::new("/tmp/library-a")), "stable");
        let last = a.rsplit('.').next().unwrap();
        assert!(last.starts_with('L') && last.len() == 17, "{a}");
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'));
    }
}
