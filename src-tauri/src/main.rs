fn main() {
    dossier_app_lib::mark_process_start();
    dossier_app_lib::run()
}
