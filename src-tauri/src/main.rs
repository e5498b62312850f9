fn main() {
    dossier_app_lib::run()
}
