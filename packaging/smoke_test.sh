#!/usr/bin/env bash
# Smoke-test the one-folder bundle as an office would run it: no Python on the PATH, an empty
# home, the screen offscreen. Usage: packaging/smoke_test.sh DIST_DIR
set -euo pipefail
bundle="$1/puskesos"
work="$(mktemp -d)"
mkdir -p "$work/bin"  # the only PATH entry: nothing in it, no python
run() {  # "$@" after the variables: more variables, then the command's arguments
  timeout 300 env -i HOME="$work" PATH="$work/bin" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    PUSKESOS_DATA_DIR="$work/data" "$@"
}
fail() { echo "smoke test: $*" >&2; exit 1; }

run "$bundle/puskesos" --version | grep -q "^Puskesos Kiosk " || fail "--version"
run "$bundle/puskesos" demo --no-gui --households 30 | grep -q "Data demo siap" || fail "demo --no-gui"
demo="sqlite:///$work/data/demo.sqlite3"
run "$bundle/puskesos" printer test --db "$demo" --printer "file:$work/slips.bin" \
  --a4 "$work/contoh.pdf" >/dev/null \
  || fail "printer test"
[ -s "$work/slips.bin" ] || fail "no ESC/POS bytes written"
[ "$(head -c 4 "$work/contoh.pdf")" = "%PDF" ] || fail "the A4 sample is not a PDF"
grep -aq "/FontFile2" "$work/contoh.pdf" || fail "the A4 sample has no embedded font"
grep -aq "DejaVuSans" "$work/contoh.pdf" || fail "the A4 sample does not use DejaVu Sans"
start=$(date +%s%N)
# The window: the log-in form painted, the kiosk loaded behind it, then closed.
out="$(run PUSKESOS_QUIT_AFTER_PAINT=1 "$bundle/puskesos" --db "$demo")" \
  || fail "the window did not start"
end=$(date +%s%N)
echo "$out" | grep -q "dilukis" || fail "the log-in form was not painted"
echo "bundle: $(du -sh "$bundle" | cut -f1); window up and closed in $(( (end - start) / 1000000 )) ms"
rm -rf "$work"
