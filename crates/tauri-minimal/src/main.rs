//! The smallest Tauri 2 app: a window whose page calls `ready` once loaded.
//! `dossier-bench --startup` starts it beside Dossier and compares the time
//! from process start to that call, and the memory after it.

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

#[tauri::command]
fn ready() {
    let ms = STARTED.get().map(|s| s.elapsed().as_secs_f64() * 1000.0);
    println!("ready_ms={:.1}", ms.unwrap_or(0.0));
}

fn main() {
    STARTED.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("error while running the minimal app");
}
