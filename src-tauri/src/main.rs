fn main() {
    // The hidden mode in which the app reads files for itself in a worker
    // process (see `dossier_core::extract::worker`); no window.
    let mut args = std::env::args();
    if args.nth(1).as_deref() == Some(dossier_core::extract::worker::WORKER_FLAG) {
        std::process::exit(dossier_core::extract::worker::serve(args));
    }
    dossier_app_lib::mark_process_start();
    dossier_app_lib::run()
}
