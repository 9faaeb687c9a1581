#!/usr/bin/env bash
# Smoke-test the one-folder bundle as an office would run it: no Python on the PATH, an empty
# home, the screen offscreen. The demo, the sample slips, a messy DTKS export imported on both
# roads (Arrow + ADBC, and row by row), every page of every role opened and a ticket printed,
# then the window's start. Usage: packaging/smoke_test.sh DIST_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
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
# The DTKS import: UTF-8 with a BOM, ";" and CRLF, worded headers in odd case and spacing, a NIK
# in scientific notation, a short one, an empty one, a pasted-twice row, an impossible date.
for road in columnar rows; do
  flag=1; [ "$road" = rows ] && flag=0
  run PUSKESOS_DTKS_COLUMNAR=$flag PUSKESOS_PASSWORD=puskesos123 "$bundle/puskesos" dtks import \
    "$here/smoke/dtks_messy.csv" --db "$demo" --as admin --replace-smaller --json \
    >"$work/import-$road.json" || fail "dtks import ($road)"
  grep -q "\"road\": \"$road\"" "$work/import-$road.json" || fail "the import took another road than $road"
  grep -q '"imported": 62,' "$work/import-$road.json" || fail "dtks import ($road): not 62 rows"
  grep -q '"rejected": 2,' "$work/import-$road.json" || fail "dtks import ($road): not 2 refused"
done
# Every page of every demo role, then a ticket printed to a file printer (ui/smoke.py).
run "$bundle/puskesos" --smoke "$work/ticket.bin" --db "$demo" >"$work/pages.txt" 2>"$work/pages.err" \
  || { cat "$work/pages.txt" "$work/pages.err"; fail "a page or the ticket failed (ui/smoke.py)"; }
grep -q "tiket: tercetak" "$work/pages.txt" || fail "no ticket printed"
pages=$(grep -c " terbuka$" "$work/pages.txt")
start=$(date +%s%N)
# The window: the log-in form painted, the kiosk loaded behind it, then closed.
out="$(run PUSKESOS_QUIT_AFTER_PAINT=1 "$bundle/puskesos" --db "$demo")" \
  || fail "the window did not start"
end=$(date +%s%N)
echo "$out" | grep -q "dilukis" || fail "the log-in form was not painted"
echo "bundle: $(du -sh "$bundle" | cut -f1), $(find "$bundle" | wc -l) files; DTKS import on both roads;" \
  "$pages pages opened; window up and closed in $(( (end - start) / 1000000 )) ms"
rm -rf "$work"
