#!/usr/bin/env bash
# Dossier's one entry point for people and CI.
#   ./dev.sh run    install what is missing, build, start Dossier with the seed library
#   ./dev.sh test   install what is missing, run every test and check
# Both are idempotent: on a machine that has everything they go straight to work.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  build-essential pkg-config file xvfb xauth fonts-noto-cjk fonts-noto-core webkit2gtk-driver
  dbus
  # Two parsers besides the Rust one read every .ics back (crates/dossier-core/tests/ics_check).
  python3-icalendar python3-vobject
  # pandoc reads the citation exports back (crates/dossier-core/tests/citations.rs).
  pandoc
)

# Cargo subcommands `./dev.sh test` runs: cargo-deny (the dependencies'
# licences, duplicate versions and sources; deny.toml) and cargo-machete
# (dependencies a crate declares but does not use).
CARGO_TOOLS=(cargo-deny cargo-machete)

# The app is always built with the UI embedded, as `tauri build` builds it: one
# feature set means the tests, the run command and the installer share one build
# of Tauri.
APP_FEATURES="dossier-app/custom-protocol"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

ensure_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null || missing+=(nodejs npm)
  if ((${#missing[@]})); then
    say "installing system packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  command -v cargo >/dev/null || { echo "Rust is missing: install it from https://rustup.rs and run this again" >&2; exit 1; }
}

ensure_cargo_tools() {
  local missing=()
  for t in "${CARGO_TOOLS[@]}"; do
    cargo "${t#cargo-}" --version >/dev/null 2>&1 || missing+=("$t")
  done
  if ((${#missing[@]})); then
    say "installing cargo tools: ${missing[*]}"
    cargo install --locked "${missing[@]}"
  fi
}

ensure_npm() {
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    say "installing UI packages (npm ci)"
    npm ci --prefix ui --no-audit --no-fund
  fi
}

build_ui() {
  say "building the UI"
  npm --prefix ui run build --silent
}

cmd_run() {
  ensure_apt
  ensure_npm
  build_ui
  say "building and starting Dossier"
  cargo build -p dossier-app --features "$APP_FEATURES"
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "no display found: starting under Xvfb (invisible); set DISPLAY to see the window"
    exec xvfb-run -a -s "-screen 0 1280x800x24" target/debug/dossier-app
  fi
  exec target/debug/dossier-app
}

cmd_test() {
  ensure_apt
  ensure_cargo_tools
  ensure_npm
  build_ui
  say "rustfmt"
  cargo fmt --all -- --check
  say "the core has no Tauri dependency"
  if cargo tree -p dossier-core -i tauri -e normal,build 2>/dev/null | grep -q tauri; then
    echo "dossier-core depends on tauri" >&2
    exit 1
  fi
  say "unused dependencies (cargo machete)"
  cargo machete
  # Not `cargo deny check advisories`: it clones the RustSec advisory database
  # from github.com, which this project's machines and CI cannot reach (they
  # reach crates.io, npm, PyPI and apt). The three checks here need only
  # Cargo.lock, the crates from crates.io and deny.toml.
  say "dependencies: licences, duplicate versions, sources (cargo deny, deny.toml)"
  cargo deny check licenses bans sources
  say "clippy"
  cargo clippy --workspace --all-targets --features "$APP_FEATURES" -- -D warnings
  say "UI lint, type check and unit tests"
  npm --prefix ui run lint --silent
  npm --prefix ui run typecheck --silent
  npm --prefix ui test --silent
  say "Rust tests (core, CLI, shell and bindings freshness)"
  cargo test --workspace --features "$APP_FEATURES"
  # The Tauri CLI builds the app with the UI embedded (debug profile and the
  # same features as the tests, so it reuses their build) and packages it.
  say "installer: build the .deb (tauri build --debug --bundles deb)"
  (cd src-tauri && ../ui/node_modules/.bin/tauri build --debug --bundles deb --ci)
  # The loopback imitation of the UN document system the fetch scenario uses.
  cargo build -p ods-stub
  say "end-to-end scenarios in the real window (WebKitWebDriver under Xvfb, with a session bus as on a desktop)"
  dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" node e2e/run.mjs target/debug/dossier-app
  say "installer: install the .deb with dpkg and start the installed app"
  ./e2e/deb-smoke.sh
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  *) echo "usage: ./dev.sh run|test" >&2; exit 2 ;;
esac
