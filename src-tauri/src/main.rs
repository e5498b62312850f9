fn main() {
    // The hidden mode in which the app reads files for itself in a worker
    // process (see `dossier_core::extract::worker`); no window.
    // (`args_os`: a file given on the command line need not be Unicode.)
    let mut args = std::env::args_os();
    if args
        .nth(1)
        .is_some_and(|a| a == dossier_core::extract::worker::WORKER_FLAG)
    {
        let args = args.map(|a| a.to_string_lossy().into_owned());
        std::process::exit(dossier_core::extract::worker::serve(args));
    }
    dossier_app_lib::mark_process_start();
    dossier_app_lib::run()
}
