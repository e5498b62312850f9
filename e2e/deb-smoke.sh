#!/usr/bin/env bash
# Installs the .deb that `tauri build --bundles deb` produced and starts the
# installed binary under Xvfb: it must stay up, find its bundled seed library
# and ingest it into a fresh data directory.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls -t target/debug/bundle/deb/*.deb | head -1)
echo "installing $deb"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo dpkg -i "$deb" >/dev/null
bin=$(dpkg -L dossier | grep -E '^/usr/bin/' | head -1)
test -x "$bin" || { echo "the package installs no binary in /usr/bin" >&2; exit 1; }
dpkg -L dossier | grep -q '/seeds/001_9b3f3c3582431abc.txt$' || { echo "the package lacks the seed library" >&2; exit 1; }
data=$(mktemp -d)
DOSSIER_DATA_DIR="$data" xvfb-run -a -s "-screen 0 1280x800x24" "$bin" &
runner=$!
ok=""
for _ in $(seq 1 60); do
  if [ -f "$data/library.sqlite3" ] && [ -n "$(find "$data/files" -type f 2>/dev/null | head -1)" ]; then
    n=$(find "$data/files" -type f | wc -l)
    if [ "$n" -ge 4 ]; then ok=1; break; fi
  fi
  kill -0 "$runner" 2>/dev/null || { echo "the installed app exited early" >&2; exit 1; }
  sleep 0.5
done
pkill -f "$bin" || true
wait "$runner" 2>/dev/null || true
[ -n "$ok" ] || { echo "the installed app did not ingest its seed library into $data" >&2; exit 1; }
echo "installed app started and ingested its 4 seed documents ($bin)"
